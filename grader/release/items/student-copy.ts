/** Item: nothing hidden reaches the student's copy: no hidden expected values, hidden case declarations or solution text. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CourseLayout } from '../../definition/course-layout.ts';
import type { Assignment } from '../../definition/manifest.ts';
import { listAssignments, readManifestFile } from '../../definition/load-assignment.ts';
import { ROOT } from '../../paths.ts';
import { hiddenMaterial, shippedLines } from '../hidden-material.ts';
import { fromProblems, type ReleaseItem } from '../release-item.ts';
import { scanCopy } from '../scan-copy.ts';

/** The grader's own folders: their lines are the tool's code, not any assignment's answer (templates/assignment holds an example part). */
const TOOL_DIRS = ['grader', 'harness', 'templates'];

/**
 * Lines students get by design: outside the solution regions of every
 * reference of the course (the stubs), and the grader's own code.
 */
function courseShippedLines(layout: CourseLayout): Set<string> {
  const lines = new Set<string>();
  for (const dir of TOOL_DIRS) {
    for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (e.isFile()) for (const line of readFileSync(path.join(e.parentPath, e.name), 'utf8').split('\n')) lines.add(line.trim());
    }
  }
  for (const folder of listAssignments(layout)) {
    const { entry } = readManifestFile(path.join(layout.assignments, folder, 'manifest.json'));
    const file = path.join(layout.solutions, folder, entry);
    if (existsSync(file)) for (const line of shippedLines(readFileSync(file, 'utf8'))) lines.add(line);
  }
  return lines;
}

/** More than this many findings of one assignment are summarised: the first ones say what to fix. */
const SHOWN = 10;

/** Each place hidden material of `a` shows in the folder `dir` (a student's copy or an unpacked package), as `file:line: what`. */
export function leaksOf(a: Assignment, layout: CourseLayout, dir: string): string[] {
  const reference = readFileSync(path.join(a.solutionDir, a.manifest.entry), 'utf8');
  return scanCopy(dir, hiddenMaterial(a, reference, courseShippedLines(layout)));
}

export const studentCopyItem: ReleaseItem = {
  id: 'student-copy',
  proves: "no hidden fixture's expected values, hidden case declaration or solution text is in the student's copy",
  spawns: false,
  async run({ a, layout, studentCopy }) {
    const found = leaksOf(a, layout, await studentCopy());
    return fromProblems(found.length > SHOWN ? [...found.slice(0, SHOWN), `... and ${found.length - SHOWN} more`] : found);
  },
};
