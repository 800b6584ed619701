import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { courseLayout } from '../../grader/definition/course-layout.ts';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';
import type { Assignment } from '../../grader/definition/manifest.ts';
import { buildStudentCopy } from '../../grader/packaging/student-copy.ts';
import { ROOT } from '../../grader/paths.ts';

let built: string | undefined;

/** A student's copy of the course in a temp folder (built once per test file), using the project's node_modules. */
export function studentCopy(): string {
  if (!built) {
    built = path.join(mkdtempSync(path.join(os.tmpdir(), 'tfgrade-student-')), 'course');
    buildStudentCopy(built);
    // Its own node_modules (hard links: fast, no space), so its build caches stay apart from the project's.
    const modules = path.join(built, 'node_modules');
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), modules]);
    rmSync(path.join(modules, '.cache'), { recursive: true, force: true });
  }
  return built;
}

/** An assignment as the student's copy lays it out (no solutions/, no hidden fixtures). */
export function copyAssignment(short: string): Assignment {
  return loadAssignment(short, courseLayout(studentCopy()));
}
