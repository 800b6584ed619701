import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';
import { courseLayout } from '../../grader/definition/course-layout.ts';
import { packageStudent } from '../../grader/packaging/student-package.ts';
import { leaksOf } from '../../grader/release/items/student-copy.ts';
import type { Results } from '../../grader/results/results.ts';
import { referenceFile } from '../support/grade.ts';
import { unzip, zipNames } from '../support/zip.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-student-package-'));
const unpacked = path.join(work, 'hw3');
const hw3 = loadAssignment('hw3');
let zipFile = '';
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm <args>` in the unpacked package, as the student types it; the results file it was asked to write. */
function npm(args: string[]): { status: number | null; log: string } {
  const r = spawnSync('npm', args, { cwd: unpacked, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INIT_CWD: unpacked } });
  return { status: r.status, log: r.stdout + r.stderr };
}

function grade(json: string): Results {
  const r = npm(['run', 'grade', 'hw3', '--', '--json', json]);
  expect(r.status, r.log).toBe(0);
  return JSON.parse(readFileSync(path.join(unpacked, json), 'utf8')) as Results;
}

describe("hw3's student package, unpacked and installed as a student would", () => {
  beforeAll(async () => {
    zipFile = await packageStudent(hw3, work);
    await unzip(zipFile, unpacked);
    const install = npm(['ci', '--prefer-offline', '--no-audit', '--no-fund']);
    expect(install.status, install.log).toBe(0);
  }, 300_000);

  it('holds hw3 alone: its stub, handout and public fixtures, the grader; no solutions, hidden fixtures or tests', async () => {
    const names = await zipNames(zipFile);
    for (const f of ['assignments/hw3-rbm/rbm.ts', 'assignments/hw3-rbm/README.md', 'grader/cli/grade.ts', 'package-lock.json']) expect(names).toContain(f);
    expect(names.some((n) => n.startsWith('fixtures/hw3-rbm/public/'))).toBe(true);
    expect(names.filter((n) => /^(solutions|tests)\/|^fixtures\/[^/]+\/hidden\/|\.test\.ts$/.test(n))).toEqual([]);
    expect(names.filter((n) => /^(assignments|fixtures)\//.test(n) && !n.includes('hw3-rbm'))).toEqual([]);
    console.log(`hw3 student package: ${(statSync(zipFile).size / 2 ** 20).toFixed(2)} MiB`);
  });

  it('contains no hidden expected value, hidden case or line of solution text (the release check\'s scan, on the unpacked zip)', () => {
    expect(leaksOf(hw3, courseLayout(), unpacked)).toEqual([]);
  });

  it('grades the stub to 0 without an error of its own', () => {
    const r = grade('stub.json');
    expect([r.status, r.score, r.hiddenGraded]).toEqual(['graded', 0, false]);
  }, 180_000);

  it('grades the reference, copied over the stub, to full local marks', () => {
    copyFileSync(referenceFile('hw3'), path.join(unpacked, 'assignments', 'hw3-rbm', 'rbm.ts'));
    const r = grade('reference.json');
    expect([r.status, r.score, r.maxScore, r.hiddenGraded]).toEqual(['graded', 100, 100, false]);
  }, 180_000);
});
