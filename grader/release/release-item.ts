/** One item of the release check: a name, what it proves, and how to find out. */
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import type { CourseLayout } from '../definition/course-layout.ts';
import type { Assignment } from '../definition/manifest.ts';
import type { Results } from '../results/results.ts';
import type { CalibrationRow } from './calibration.ts';

/** What an item needs: the assignment, its course, and the shared (throttled) ways to grade and to see the student's copy. */
export interface ReleaseContext {
  a: Assignment;
  layout: CourseLayout;
  /** Grades a submission file; at most a few gradings run at once across the whole check. */
  grade(file: string, backend: BackendChoice): Promise<Results>;
  /** Runs heavy work (a student process) under the same limit as gradings. */
  throttled<T>(work: () => Promise<T>): Promise<T>;
  /** A folder of this assignment's own for scratch files. */
  scratch: string;
  /** The student's copy of the course, built once per check. */
  studentCopy(): Promise<string>;
}

export interface ItemResult {
  pass: boolean;
  /** Each thing that is wrong, precisely: the file, the case, the part, by how much. */
  problems: string[];
  /** The reference's measured errors against each tolerance (the `reference` item). */
  calibration?: CalibrationRow[];
}

export interface ReleaseItem {
  /** The column heading in the check's table. */
  id: string;
  /** What passing proves, one line. */
  proves: string;
  /** True for an item that runs student processes (gradings, the fixture maker), false for one that works in this process alone. */
  spawns: boolean;
  run(ctx: ReleaseContext): Promise<ItemResult>;
}

/** An item's result from its problems. */
export const fromProblems = (problems: string[], calibration?: CalibrationRow[]): ItemResult => ({ pass: problems.length === 0, problems, ...(calibration ? { calibration } : {}) });
