/** What a student gets: the course's files minus everything that would give answers away. */
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths.ts';

/** Folders and files copied whole, from the project root. */
const SHIPPED = ['grader', 'harness', 'templates', 'scripts/precompiled.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'README.md'];

/** Tests of the grader's own code stay with the staff. */
const isShipped = (file: string): boolean => !/\.test\.ts$/.test(file);

/**
 * Lays out a student's copy of the course in `dest`: handouts and stubs,
 * public fixtures, the grader, the student harness, templates and package
 * files. No solutions/ (references, generators, staff properties), no hidden
 * fixtures, no tests or staff scripts. `root` is the course to copy from;
 * `only` names the assignment folders to include (default: all of them).
 */
export function buildStudentCopy(dest: string, root = ROOT, only?: string[]): void {
  mkdirSync(dest, { recursive: true });
  for (const entry of SHIPPED) {
    const from = path.join(root, entry);
    if (existsSync(from)) cpSync(from, path.join(dest, entry), { recursive: true, filter: isShipped });
  }
  const assignments = path.join(root, 'assignments');
  for (const hw of only ?? (existsSync(assignments) ? readdirSync(assignments) : [])) {
    cpSync(path.join(assignments, hw), path.join(dest, 'assignments', hw), { recursive: true, filter: isShipped });
    const pub = path.join(root, 'fixtures', hw, 'public');
    if (existsSync(pub)) cpSync(pub, path.join(dest, 'fixtures', hw, 'public'), { recursive: true });
  }
}
