import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';
import { packageGradescope } from '../../grader/packaging/gradescope-package.ts';
import schema from '../../grader/schemas/gradescope-results.schema.json' with { type: 'json' };
import { unzip, zipNames } from '../support/zip.ts';
import { referenceFile, stubFile, writeSubmission, writeVariant } from '../support/grade.ts';

interface GradescopeResults {
  score: number;
  output: string;
  extra_data: { sandbox?: string };
  tests: { score?: number; max_score?: number; tags: string[]; visibility: string; output: string }[];
}
const validate = new Ajv({ strict: true }).compile<GradescopeResults>(schema);

const work = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-gradescope-test-'));
// As /autograder is: others may pass through it (the student process, user nobody, reads node_modules there).
chmodSync(work, 0o755);
let source = '';
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface AutograderRun {
  /** Files of the submission: where it puts them → the file to copy. */
  files: Record<string, string>;
  /** submission_metadata.json's text, when Gradescope would write one. */
  metadata?: string;
  env?: Record<string, string>;
}

/** A fresh /autograder: the shared unpacked source, a submission folder holding `files`; runs run_autograder there and returns its results.json. */
function runAutograder(name: string, run: AutograderRun): { results: GradescopeResults; seconds: number; log: string } {
  const root = path.join(work, name);
  mkdirSync(path.join(root, 'submission'), { recursive: true });
  // Each layout links the one unpacked source: Gradescope's image holds it once too.
  execFileSync('ln', ['-s', source, path.join(root, 'source')]);
  for (const [to, from] of Object.entries(run.files)) {
    mkdirSync(path.dirname(path.join(root, 'submission', to)), { recursive: true });
    copyFileSync(from, path.join(root, 'submission', to));
  }
  if (run.metadata !== undefined) writeFileSync(path.join(root, 'submission_metadata.json'), run.metadata);
  const start = performance.now();
  const r = spawnSync(path.join(source, 'run_autograder'), [], { env: { ...process.env, AUTOGRADER_ROOT: root, NO_COLOR: '1', ...run.env }, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  expect(r.status).toBe(0);
  const results = JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8')) as GradescopeResults;
  expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
  return { results, seconds, log: r.stdout + r.stderr };
}

const METADATA = {
  id: 123456,
  created_at: '2026-11-28T14:22:32.365935-08:00',
  assignment: { title: 'hw1', total_points: '100.0', due_date: '2026-12-01T23:00:00.000000-08:00' },
  submission_method: 'upload',
  users: [{ email: 'ada@example.edu', id: 1234, name: 'Ada Lovelace' }],
  previous_submissions: [],
};

/** Student code that forges a perfect results.json where Gradescope reads it, then quits before any case runs. */
const FORGER = `
import * as fs from 'node:fs';
for (const dir of ['/autograder/results', '__RESULTS__']) {
  try { fs.writeFileSync(dir + '/results.json', JSON.stringify({ score: 100, tests: [] })); } catch {}
}
process.exit(0);
export function assignClusters() { return null; }
`;

describe("hw1's Gradescope package", () => {
  beforeAll(async () => {
    const zipFile = await packageGradescope(loadAssignment('hw1'), work);
    source = path.join(work, 'source');
    await unzip(zipFile, source);
    // Gradescope runs setup.sh once, as root, in the unpacked source: so does this test (apt-get steps do nothing where they cannot).
    const setup = spawnSync('bash', ['setup.sh'], { cwd: source, encoding: 'utf8' });
    expect(setup.status, setup.stdout + setup.stderr).toBe(0);
  }, 300_000);

  it('has setup.sh and run_autograder at its root, the solutions and hidden fixtures inside', async () => {
    const names = await zipNames(path.join(work, 'hw1-kmeans-gradescope.zip'));
    for (const f of ['setup.sh', 'run_autograder', 'solutions/hw1-kmeans/hidden-cases.json', 'grader/cli/grade.ts', 'package-lock.json']) expect(names).toContain(f);
    expect(names.some((n) => n.startsWith('fixtures/hw1-kmeans/hidden/'))).toBe(true);
    expect(names.some((n) => n.startsWith('assignments/hw2'))).toBe(false);
  });

  it('leaves solutions and hidden fixtures readable by root alone after setup.sh', () => {
    for (const dir of ['solutions/hw1-kmeans', 'fixtures/hw1-kmeans/hidden']) expect(statSync(path.join(source, dir)).mode & 0o077).toBe(0);
    expect(statSync(path.join(source, 'fixtures/hw1-kmeans/public')).mode & 0o005).toBe(0o005);
  });

  it('fills the student processes\' code cache in setup.sh, so no submission waits for it', () => {
    const cacheDir = path.join(source, 'node_modules', '.cache', 'tfgrade');
    const filled = readdirSync(cacheDir).filter((d) => d.startsWith('v8-') && existsSync(path.join(cacheDir, d, 'complete')));
    expect(filled).toHaveLength(1);
  });

  it('grades the reference to 100 and names the submission from submission_metadata.json', () => {
    const { results, seconds, log } = runAutograder('reference', { files: { 'kmeans.ts': referenceFile('hw1') }, metadata: JSON.stringify(METADATA) });
    expect(results.score, log).toBe(100);
    expect(results.output.split('\n')[0]).toBe('Submission 123456 by Ada Lovelace, made 2026-11-28T14:22:32.365935-08:00.');
    console.log(`run_autograder on the hw1 reference: ${seconds.toFixed(1)} s`);
  }, 180_000);

  it('takes points off a buggy submission on exactly its parts', () => {
    const buggy = writeVariant('hw1', { name: 'gradescope-argmax', edits: [{ find: 'tf.argMin(pairwiseSqDistances(X, C), 1)', replace: 'tf.argMax(pairwiseSqDistances(X, C), 1)' }] });
    const { results } = runAutograder('buggy', { files: { 'kmeans.ts': buggy } });
    const parts = results.tests.filter((t) => t.tags.includes('part'));
    const lost = parts.filter((t) => t.score! < t.max_score!).map((t) => t.tags[0]);
    expect(lost.sort()).toEqual(['assignClusters', 'kmeans']);
    expect(results.score).toBe(parts.reduce((s, t) => s + t.score!, 0));
  }, 180_000);

  it('grades as user nobody where a container refuses namespaces, reading all it needs', () => {
    const { results, log } = runAutograder('as-nobody', { files: { 'kmeans.ts': referenceFile('hw1') }, env: { TFGRADE_SANDBOX: 'as-nobody' } });
    expect(results.score, log).toBe(100);
    expect(results.extra_data.sandbox).toMatch(/^no namespaces .*user nobody/);
    expect(results.tests.find((t) => t.tags.includes('staff'))).toBeUndefined();
  }, 180_000);

  it('keeps a submission from forging results.json', () => {
    const forger = writeSubmission('hw1', 'gradescope-forger', FORGER.replace('__RESULTS__', path.join(work, 'forger', 'results')));
    const { results } = runAutograder('forger', { files: { 'kmeans.ts': forger } });
    expect(results.score).toBe(0);
    expect(results.tests.length).toBeGreaterThan(0);
  }, 180_000);

  it('gives an empty submission a valid results.json scoring 0', () => {
    const { results } = runAutograder('empty', { files: {} });
    expect(results.score).toBe(0);
    expect(results.output).toContain('kmeans.ts');
  }, 120_000);

  it('grades with a broken submission_metadata.json and tells only the staff', () => {
    const { results } = runAutograder('bad-metadata', { files: { 'kmeans.ts': stubFile('hw1') }, metadata: '{"id": "not a number"' });
    expect(results.score).toBe(0);
    expect(results.output).not.toContain('submission_metadata');
    const staff = results.tests.find((t) => t.tags.includes('staff'));
    expect(staff?.visibility).toBe('hidden');
    expect(staff?.output).toContain('submission_metadata.json was not used');
  }, 120_000);

  it('finds the file in a folder the student uploaded whole', () => {
    const { results } = runAutograder('nested', { files: { 'hw1/kmeans.ts': referenceFile('hw1') } });
    expect(results.score).toBe(100);
  }, 180_000);

  it('still writes a zero-score results.json when the grader cannot start', () => {
    const root = path.join(work, 'broken');
    mkdirSync(path.join(root, 'source'), { recursive: true });
    const r = spawnSync(path.join(source, 'run_autograder'), [], { env: { ...process.env, AUTOGRADER_ROOT: root }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const results = JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8')) as GradescopeResults;
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    expect(results.score).toBe(0);
    expect(results.output).toContain('could not grade');
  });
});
