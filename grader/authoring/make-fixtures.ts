import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { toWire } from '../../harness/protocol/codec.ts';
import type { CaseValue, GeneratorContext, GeneratorTable } from '../definition/generator.ts';
import type { Assignment, CaseSpec, PartSpec } from '../definition/manifest.ts';
import { check, dataError, validate } from '../definition/validate.ts';
import { GraderError } from '../errors.ts';
import { FIXTURE_VERSION, fixturePath, specOf, type Fixture } from '../fixtures/fixture.ts';
import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import { graderTf } from '../judge/grader-tf.ts';
import { shown } from '../paths.ts';
import { runCases } from '../run/run-cases.ts';
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
  const written = drafts.map((d) => {
    const outcome = run.outcomes.get(d.key)!;
    if (outcome.kind !== 'result') throw new GraderError('FIXTURE', `the reference solution fails on ${d.key}: ${'message' in outcome ? outcome.message : outcome.kind}`);
    const fixture = validate('fixture', { ...d.fixture, expected: outcome.value }, d.key);
    const file = fixturePath(a, d.spec.visibility, d.part, d.spec);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(fixture, null, 1)}\n`);
    return file;
  });
  removeStale(a, new Set(written));
  return written;
}

async function loadGenerators(a: Assignment): Promise<GeneratorTable> {
  const file = path.join(a.solutionDir, 'cases.ts');
  if (!existsSync(file)) throw new GraderError('FIXTURE', `${shown(file)} is missing: it defines the input generators`);
  return ((await import(pathToFileURL(file).href)) as { generators: GeneratorTable }).generators;
}

async function generate(a: Assignment, generators: GeneratorTable, part: PartSpec, spec: CaseSpec): Promise<Fixture> {
  const gen = generators[spec.generator];
  const where = `${a.manifest.id}: ${part.id}/${spec.id}`;
  const at = spec.at?.case ?? { file: where, pointer: '' };
  if (!gen) throw dataError(at.file, `${at.pointer}/generator`, `no generator '${spec.generator}' in cases.ts (known: ${Object.keys(generators).join(', ')})`, 'BAD_DEFINITION');
  check(gen.params, spec.params, at.file, `${at.pointer}/params`, 'BAD_DEFINITION');
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
