import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { courseLayout, type CourseLayout } from '../../grader/definition/course-layout.ts';
import { ROOT } from '../../grader/paths.ts';

/**
 * A copy of one assignment's course files in a temp folder laid out as the
 * repository is (solutions/ and hidden fixtures only when asked), beside
 * links to this grader and its node_modules, for tests to edit freely.
 */
export function courseCopy(folder: string, opts: { solutions: boolean; hidden: boolean }): CourseLayout {
  const layout = emptyCourse();
  const from = courseLayout();
  cpSync(path.join(from.assignments, folder), path.join(layout.assignments, folder), { recursive: true });
  cpSync(path.join(from.fixtures, folder, 'public'), path.join(layout.fixtures, folder, 'public'), { recursive: true });
  if (opts.hidden) cpSync(path.join(from.fixtures, folder, 'hidden'), path.join(layout.fixtures, folder, 'hidden'), { recursive: true });
  if (opts.solutions) cpSync(path.join(from.solutions, folder), path.join(layout.solutions, folder), { recursive: true });
  return layout;
}

/** A course folder without assignments, beside links to this grader and its node_modules. */
export function emptyCourse(): CourseLayout {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-course-'));
  for (const dir of ['grader', 'harness', 'node_modules']) symlinkSync(path.join(ROOT, dir), path.join(root, dir));
  return courseLayout(root);
}
