import path from 'node:path';
import { ROOT } from '../paths.ts';

/**
 * Where a course's files live. The same grader grades from the repository,
 * from an unpacked student package (no solutions/, no hidden fixtures) and
 * from a Gradescope-style /autograder directory: each passes its own layout.
 */
export interface CourseLayout {
  root: string;
  assignments: string;
  solutions: string;
  fixtures: string;
}

/** The conventional layout under `root` (by default, the folder this grader was installed in). */
export function courseLayout(root: string = ROOT): CourseLayout {
  const at = path.resolve(root);
  return { root: at, assignments: path.join(at, 'assignments'), solutions: path.join(at, 'solutions'), fixtures: path.join(at, 'fixtures') };
}
