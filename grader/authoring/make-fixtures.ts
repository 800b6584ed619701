import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { toWire } from '../../harness/protocol/codec.ts';
import type { CaseValue, Generator, GeneratorContext, GeneratorTable } from '../definition/generator.ts';
import type { Assignment, CaseSpec, PartSpec } from '../definition/manifest.ts';
import { check, dataError, validate } from '../definition/validate.ts';
import { GraderError } from '../errors.ts';
import { FIXTURE_VERSION, fixturePath, specOf, type Fixture } from '../fixtures/fixture.ts';
import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import { graderTf } from '../judge/grader-tf.ts';
import { passesValueChecks } from '../judge/judge-case.ts';
import { observe } from '../judge/observed.ts';
import { diagnosisRules } from '../judge/staff-judges.ts';
import { shown } from '../paths.ts';
import { runCases } from '../run/run-cases.ts';
import { limitFromReference, recordedReferenceMs } from '../run/time-limits.ts';
import { compileSubmission } from '../static/compile-submission.ts';

/** How many knife-edge draws a case may refuse before the generator is judged broken. */
const MAX_ATTEMPTS = 50;
const REFERENCE_LIMIT_MS = 300_000;

class KnifeEdge extends Error {}


/**
 * Generates every fixture of an assignment: inputs from the named generator
 * and seed, expected values from the reference solution run through the
 * student harness on the deterministic cpu backend. Same manifest, same bytes.
 */
export async function makeFixtures(a: Assignment): Promise<string[]> {
  const generators = await loadGenerators(a);
  const drafts: LoadedCase[] = [];
  for (const part of a.manifest.parts) {
    for (const spec of part.cases) drafts.push({ key: `${part.id}/${spec.id}`, part, spec, fixture: await generate(a, generators, part, spec) });
  }
  const compiled = await compileSubmission(path.join(a.solutionDir, a.manifest.entry));
  const run = await runCases(drafts, { backend: 'cpu', code: compiled.code, entry: a.manifest.entry, memoryMb: 4096 }, () => REFERENCE_LIMIT_MS);
  const written: string[] = [];
  for (const d of drafts) {
    const outcome = run.outcomes.get(d.key)!;
    if (outcome.kind !== 'result') throw new GraderError('FIXTURE', `the reference solution fails on ${d.key}: ${'message' in outcome ? outcome.message : outcome.kind}`);
    const file = fixturePath(a, d.spec.visibility, d.part, d.spec);
    const referenceMs = recordedReferenceMs(outcome.ms, previousReferenceMs(file));
    const timeLimitMs = limitFromReference(referenceMs, d.spec.timeLimitMs ?? a.manifest.timeLimitMs);
    const fixture = validate('fixture', await withDiagnosis(a, { ...d, fixture: { ...d.fixture, expected: outcome.value, referenceMs, timeLimitMs } }), d.key);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(fixture, null, 1)}\n`);
    written.push(file);
  }
  removeStale(a, new Set(written));
  return written;
}

/** The reference time the fixture being replaced recorded, if any. */
function previousReferenceMs(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const ms = (JSON.parse(readFileSync(file, 'utf8')) as Partial<Fixture>).referenceMs;
  return typeof ms === 'number' ? ms : undefined;
}

/** The case's diagnosis rules as data, less the known bugs whose output on this case is the expected one (e.g. a factor n with n = 1). */
async function withDiagnosis(a: Assignment, c: LoadedCase): Promise<Fixture> {
  const rules = await diagnosisRules(a, c);
  if (!rules) return c.fixture;
  const expected = observe(c.fixture.expected);
  return { ...c.fixture, diagnosis: rules.filter((r) => r.when !== 'matches' || !passesValueChecks(a, c.spec, observe(r.value), expected)) };
}

/** The assignment's input generators, from solutions/<hw>/cases.ts. */
export async function loadGenerators(a: Assignment): Promise<GeneratorTable> {
  const file = path.join(a.solutionDir, 'cases.ts');
  if (!existsSync(file)) throw new GraderError('FIXTURE', `${shown(file)} is missing: it defines the input generators`);
  return ((await import(pathToFileURL(file).href)) as { generators: GeneratorTable }).generators;
}

/** The generator a case names, its params checked against the generator's schema; an error names the file and JSON path. */
export function generatorOf(a: Assignment, generators: GeneratorTable, part: PartSpec, spec: CaseSpec): Generator {
  const gen = generators[spec.generator];
  const at = spec.at?.case ?? { file: `${a.manifest.id}: ${part.id}/${spec.id}`, pointer: '' };
  if (!gen) throw dataError(at.file, `${at.pointer}/generator`, `no generator '${spec.generator}' in cases.ts (known: ${Object.keys(generators).join(', ')})`, 'BAD_DEFINITION');
  check(gen.params, spec.params, at.file, `${at.pointer}/params`, 'BAD_DEFINITION');
  return gen;
}

async function generate(a: Assignment, generators: GeneratorTable, part: PartSpec, spec: CaseSpec): Promise<Fixture> {
  const gen = generatorOf(a, generators, part, spec);
  const where = `${a.manifest.id}: ${part.id}/${spec.id}`;
  const tf = await graderTf();
  const rejected: string[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const random = seedrandom(`${spec.seed}#${attempt}`);
    const ctx: GeneratorContext = {
      random,
      seed: () => Math.floor(random() * 2 ** 31),
      tf,
      reject: (reason) => {
        throw new KnifeEdge(reason);
      },
    };
    tf.engine().startScope();
    try {
      const made = gen.generate(spec.params, ctx);
      const base = { schemaVersion: FIXTURE_VERSION, assignment: a.manifest.id, part: part.id, case: spec.id, spec: specOf(spec), attempt, rejected };
      return { ...base, args: made.args.map((v, i) => toWire(v, `argument ${i + 1}`)), expected: { kind: 'null' }, ...(made.truth === undefined ? {} : { truth: toWire(made.truth as CaseValue, 'truth') }) };
    } catch (e) {
      if (!(e instanceof KnifeEdge)) throw new GraderError('FIXTURE', `${where}: generator '${spec.generator}' failed: ${(e as Error).stack}`);
      rejected.push(`attempt ${attempt}: ${e.message}`);
    } finally {
      tf.engine().endScope();
    }
  }
  throw new GraderError('FIXTURE', `${where}: every one of ${MAX_ATTEMPTS} draws was a knife edge (${rejected.at(-1)})`);
}

function removeStale(a: Assignment, keep: Set<string>): void {
  for (const vis of ['public', 'hidden']) {
    const dir = path.join(a.fixturesDir, vis);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (!keep.has(path.join(dir, f))) rmSync(path.join(dir, f));
  }
}
