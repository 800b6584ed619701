import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromWire } from '../../harness/protocol/codec.ts';
import type { WireValue } from '../../harness/protocol/values.ts';
import type { CaseValue } from '../definition/generator.ts';
import type { Assignment } from '../definition/manifest.ts';
import type { PropertyTable } from '../definition/property.ts';
import { graderTf } from './grader-tf.ts';

const tables = new Map<string, Promise<PropertyTable | undefined>>();

/** The assignment's graded properties (solutions/<hw>/properties.ts), or undefined on a handout without them. */
export function loadProperties(a: Assignment): Promise<PropertyTable | undefined> {
  const file = path.join(a.solutionDir, 'properties.ts');
  if (!tables.has(file)) {
    tables.set(file, existsSync(file) ? import(pathToFileURL(file).href).then((m: { properties: PropertyTable }) => m.properties) : Promise.resolve(undefined));
  }
  return tables.get(file)!;
}

/** Rebuilds a wire value as tensors on the grader's cpu backend, for a property to compute with. */
export async function toCaseValue(w: WireValue): Promise<CaseValue> {
  const tf = await graderTf();
  return fromWire<CaseValue, CaseValue>(w, { tensor: (d, s, t) => tf.tensor(d, s, t), rng: (seed) => ({ rngSeed: seed }) }) as CaseValue;
}
