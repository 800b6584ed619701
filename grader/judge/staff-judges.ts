/** Staff code for judging: an assignment's graded properties and diagnoses, run on the grader's cpu backend. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fromWire } from '../../harness/protocol/codec.ts';
import type { WireValue } from '../../harness/protocol/values.ts';
import type { CaseValue } from '../definition/generator.ts';
import type { Assignment, CheckSpec, Tolerance } from '../definition/manifest.ts';
import type { DiagnosisTable, PropertyContext, PropertyTable, Verdict } from '../definition/property.ts';
import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import { check, dataError } from '../definition/validate.ts';
import { GraderError } from '../errors.ts';
import { importTypeScript } from '../import-typescript.ts';
import { shown } from '../paths.ts';
import { graderTf } from './grader-tf.ts';

/** What an assignment's solutions/<hw>/properties.ts provides the grader. */
export interface StaffJudges {
  properties: PropertyTable;
  diagnoses: DiagnosisTable;
}

const loaded = new Map<string, Promise<StaffJudges | undefined>>();

/** The assignment's graded properties and diagnoses, or undefined on a handout without solutions/. */
function loadStaffJudges(a: Assignment): Promise<StaffJudges | undefined> {
  const file = path.join(a.solutionDir, 'properties.ts');
  if (!loaded.has(file)) {
    const load = async () => {
      try {
        const m = (await importTypeScript(file)) as Partial<StaffJudges>;
        return { properties: m.properties ?? {}, diagnoses: m.diagnoses ?? {} };
      } catch (e) {
        throw new GraderError('BAD_DEFINITION', `${shown(file)} cannot be loaded: ${(e as Error).message}`, { cause: e });
      }
    };
    loaded.set(file, existsSync(file) ? load() : Promise.resolve(undefined));
  }
  return loaded.get(file)!;
}

const usesStaffCode = (a: Assignment) => a.manifest.parts.some((p) => p.cases.some((c) => c.diagnosis || c.checks.some((k) => k.comparator === 'property')));

/**
 * Resolves every property and diagnosis the assignment names, and checks each
 * property's options, so that a typo is an error naming the file and JSON
 * path before any student code runs. Loads tfjs and the staff tables in the
 * grader (~0.5 s), which judging needs anyway.
 */
export async function resolveStaffNames(a: Assignment): Promise<void> {
  if (!usesStaffCode(a)) return;
  const [judges] = await Promise.all([loadStaffJudges(a), graderTf()]);
  if (!judges) return; // a student's copy: these checks are decided by the course's grader
  const file = shown(path.join(a.solutionDir, 'properties.ts'));
  for (const c of a.manifest.parts.flatMap((p) => p.cases)) {
    const at = c.at ?? { case: { file: a.manifest.id, pointer: `/${c.id}` }, checks: { file: a.manifest.id, pointer: `/${c.id}` } };
    c.checks.forEach((k, i) => {
      if (k.comparator !== 'property') return;
      const where = `${at.checks.pointer}/checks/${i}`;
      const property = judges.properties[k.property!];
      if (!property) throw dataError(at.checks.file, `${where}/property`, `no property '${k.property}' in ${file} (known: ${Object.keys(judges.properties).join(', ') || 'none'})`, 'BAD_DEFINITION');
      check(property.options, k.options ?? {}, at.checks.file, `${where}/options`, 'BAD_DEFINITION');
    });
    if (c.diagnosis && !judges.diagnoses[c.diagnosis]) {
      throw dataError(at.case.file, `${at.case.pointer}/diagnosis`, `no diagnosis '${c.diagnosis}' in ${file} (known: ${Object.keys(judges.diagnoses).join(', ') || 'none'})`, 'BAD_DEFINITION');
    }
  }
}

/** Rebuilds a wire value as tensors on the grader's cpu backend, for a property to compute with. */
async function toCaseValue(w: WireValue): Promise<CaseValue> {
  const tf = await graderTf();
  return fromWire<CaseValue, CaseValue>(w, { tensor: (d, s, t) => tf.tensor(d, s, t), rng: (seed) => ({ rngSeed: seed }) }) as CaseValue;
}

/** A graded property's verdict, or undefined when this copy of the course has no properties. */
export async function runProperty(a: Assignment, c: LoadedCase, spec: CheckSpec, tolerance: Tolerance | undefined, wire: WireValue): Promise<Verdict | undefined> {
  const judges = await loadStaffJudges(a);
  if (!judges) return undefined;
  const judge = judges.properties[spec.property!]; // resolved when grading began (resolveStaffNames)
  try {
    return await withStaffContext(c, wire, { tolerance, options: spec.options ?? {} }, (actual, ctx) => judge.judge(actual, ctx));
  } catch (e) {
    // Staff code meeting an output it did not expect must cost this check, not the whole grading run.
    return { pass: false, message: `could not be judged from this output (${(e as Error).message})` };
  }
}

/** The case's diagnosis of a failure, when it names one and this copy has it. */
export async function diagnose(a: Assignment, c: LoadedCase, failed: CheckSpec, wire: WireValue): Promise<string | undefined> {
  const name = c.spec.diagnosis;
  const judges = name ? await loadStaffJudges(a) : undefined;
  if (!name || !judges) return undefined;
  const diagnosis = judges.diagnoses[name]; // resolved when grading began (resolveStaffNames)
  const tolerance = failed.tolerance === undefined ? undefined : a.manifest.tolerances[failed.tolerance];
  try {
    return await withStaffContext(c, wire, { tolerance, options: failed.options ?? {} }, diagnosis);
  } catch {
    return undefined; // a diagnosis is a courtesy: no diagnosis rather than no grade
  }
}

/** Runs staff code on the case rebuilt as tensors on the grader's cpu backend, freeing them afterwards. */
async function withStaffContext<T>(c: LoadedCase, wire: WireValue, extra: Pick<PropertyContext, 'tolerance' | 'options'>, fn: (actual: CaseValue, ctx: PropertyContext) => T | Promise<T>): Promise<T> {
  const tf = await graderTf();
  tf.engine().startScope();
  try {
    const [actual, expected, ...args] = await Promise.all([wire, c.fixture.expected, ...c.fixture.args].map(toCaseValue));
    const truth = c.fixture.truth && (await toCaseValue(c.fixture.truth));
    return await fn(actual, { tf, args, expected, truth, ...extra });
  } finally {
    tf.engine().endScope();
  }
}
