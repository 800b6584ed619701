import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromWire } from '../../harness/protocol/codec.ts';
import type { WireValue } from '../../harness/protocol/values.ts';
import type { CaseValue } from '../definition/generator.ts';
import type { Assignment } from '../definition/manifest.ts';
import type { DiagnosisTable, PropertyTable } from '../definition/property.ts';
import { graderTf } from './grader-tf.ts';

/** What an assignment's solutions/<hw>/properties.ts provides the grader. */
export interface StaffJudges {
  properties: PropertyTable;
  diagnoses: DiagnosisTable;
}

const loaded = new Map<string, Promise<StaffJudges | undefined>>();

/** The assignment's graded properties and diagnoses, or undefined on a handout without solutions/. */
export function loadStaffJudges(a: Assignment): Promise<StaffJudges | undefined> {
  const file = path.join(a.solutionDir, 'properties.ts');
  if (!loaded.has(file)) {
    const load = async () => {
      const m = (await import(pathToFileURL(file).href)) as Partial<StaffJudges>;
      return { properties: m.properties ?? {}, diagnoses: m.diagnoses ?? {} };
    };
    loaded.set(file, existsSync(file) ? load() : Promise.resolve(undefined));
  }
  return loaded.get(file)!;
}

/** Rebuilds a wire value as tensors on the grader's cpu backend, for a property to compute with. */
export async function toCaseValue(w: WireValue): Promise<CaseValue> {
  const tf = await graderTf();
  return fromWire<CaseValue, CaseValue>(w, { tensor: (d, s, t) => tf.tensor(d, s, t), rng: (seed) => ({ rngSeed: seed }) }) as CaseValue;
}
