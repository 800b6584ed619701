import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';
import { packageGradescope } from '../../grader/packaging/gradescope-package.ts';
import { packageStudent } from '../../grader/packaging/student-package.ts';
import { ROOT } from '../../grader/paths.ts';
import schema from '../../grader/schemas/gradescope-results.schema.json' with { type: 'json' };
import { referenceFile } from '../support/grade.ts';

interface GradescopeResults {
  score: number;
  output: string;
}
const validate = new Ajv({ strict: true }).compile<GradescopeResults>(schema);

/** A zip opened for reading, with its entries listed. */
function openZip(zipFile: string): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err) return reject(err);
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push(e);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The names of every file in a zip. */
async function zipNames(zipFile: string): Promise<string[]> {
  const { zip, entries } = await openZip(zipFile);
  zip.close();
  return entries.map((e) => e.fileName);
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

/** Unpacks a zip into `dest`, keeping each file's mode (run_autograder must stay executable). */
async function unzip(zipFile: string, dest: string): Promise<void> {
  const { zip, entries } = await openZip(zipFile);
  for (const entry of entries) {
    const file = path.join(dest, entry.fileName);
    mkdirSync(path.dirname(file), { recursive: true });
    await pipeline(await openStream(zip, entry), createWriteStream(file));
    const mode = (entry.externalFileAttributes >>> 16) & 0o777;
    if (mode) chmodSync(file, mode);
  }
  zip.close();
}

const work = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-gradescope-test-'));
let source = '';
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh /autograder: the shared unpacked source, a submission folder holding `files`; runs run_autograder there and returns its results.json. */
function runAutograder(name: string, files: Record<string, string>): { results: GradescopeResults; seconds: number; log: string } {
  const root = path.join(work, name);
  mkdirSync(path.join(root, 'submission'), { recursive: true });
  // Each layout links the one unpacked source: Gradescope's image holds it once too.
  execFileSync('ln', ['-s', source, path.join(root, 'source')]);
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'submission', to)), { recursive: true });
    copyFileSync(from, path.join(root, 'submission', to));
  }
  const start = performance.now();
  const r = spawnSync(path.join(source, 'run_autograder'), [], { env: { ...process.env, AUTOGRADER_ROOT: root, NO_COLOR: '1' }, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  expect(r.status).toBe(0);
  const results = JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8')) as GradescopeResults;
  return { results, seconds, log: r.stdout + r.stderr };
}

describe("hw1's Gradescope package", () => {
  beforeAll(async () => {
    const zipFile = await packageGradescope(loadAssignment('hw1'), work);
    source = path.join(work, 'source');
    await unzip(zipFile, source);
    // Stands in for setup.sh's `npm ci`: hard links to the project's modules, without its build caches.
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(source, 'node_modules')]);
    execFileSync('rm', ['-rf', path.join(source, 'node_modules', '.cache')]);
  }, 120_000);

  it('has setup.sh and run_autograder at its root, the solutions and hidden fixtures inside', async () => {
    const names = await zipNames(path.join(work, 'hw1-kmeans-gradescope.zip'));
    for (const f of ['setup.sh', 'run_autograder', 'solutions/hw1-kmeans/hidden-cases.json', 'grader/cli/grade.ts', 'package-lock.json']) expect(names).toContain(f);
    expect(names.some((n) => n.startsWith('fixtures/hw1-kmeans/hidden/'))).toBe(true);
    expect(names.some((n) => n.startsWith('assignments/hw2'))).toBe(false);
  });

  it('grades the reference to 100 with a valid results.json', () => {
    const { results, seconds, log } = runAutograder('reference', { 'kmeans.ts': referenceFile('hw1') });
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    expect(results.score, log).toBe(100);
    console.log(`run_autograder on the hw1 reference: ${seconds.toFixed(1)} s`);
  }, 180_000);

  it('gives an empty submission a valid results.json scoring 0', () => {
    const { results } = runAutograder('empty', {});
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    expect(results.score).toBe(0);
    expect(results.output).toContain('kmeans.ts');
  }, 120_000);

  it('finds the file in a folder the student uploaded whole', () => {
    const { results } = runAutograder('nested', { 'hw1/kmeans.ts': referenceFile('hw1') });
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

describe("hw1's student package", () => {
  it('holds no solutions/ and no hidden fixtures', async () => {
    const names = await zipNames(await packageStudent(loadAssignment('hw1'), work));
    expect(names).toContain('assignments/hw1-kmeans/kmeans.ts');
    expect(names.some((n) => n.startsWith('solutions/'))).toBe(false);
    expect(names.some((n) => /^fixtures\/[^/]+\/hidden\//.test(n))).toBe(false);
  }, 60_000);
});
