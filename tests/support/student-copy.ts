import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Assignment, Manifest } from '../../grader/definition/manifest.ts';
import { buildStudentCopy } from '../../grader/packaging/student-copy.ts';
import { ROOT } from '../../grader/paths.ts';

let built: string | undefined;

/** A student's copy of the course in a temp folder (built once per test file), using the project's node_modules. */
export function studentCopy(): string {
  if (!built) {
    built = path.join(mkdtempSync(path.join(os.tmpdir(), 'tfgrade-student-')), 'course');
    buildStudentCopy(built);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(built, 'node_modules'), 'dir');
  }
  return built;
}

/** An assignment as the student's copy lays it out (its solutions/ folder does not exist there). */
export function copyAssignment(short: string): Assignment {
  const root = studentCopy();
  const folder = readdirSync(path.join(root, 'assignments')).find((d) => d.split('-')[0] === short)!;
  const dir = path.join(root, 'assignments', folder);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return { manifest, short, dir, solutionDir: path.join(root, 'solutions', folder), fixturesDir: path.join(root, 'fixtures', folder) };
}
