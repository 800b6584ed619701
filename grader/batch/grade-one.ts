/** One submission of a batch: refused, kept from an earlier run, or graded now in a student process. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import type { Assignment } from '../definition/manifest.ts';
import type { LoadedFixtures } from '../fixtures/load-fixtures.ts';
import { asGraderError } from '../errors.ts';
import { gradeSubmission } from '../grade-submission.ts';
import { ungradedResults } from '../results/make-results.ts';
import type { Results } from '../results/results.ts';
import { GRADER_VERSION } from '../version.ts';
import type { FoundSubmission } from './discover.ts';
import type { ResultStore } from './result-store.ts';
import { stage } from './stage.ts';

export interface GradeOneOptions {
  assignment: Assignment;
  backend: BackendChoice;
  memoryMb: number;
  timeLimitMs?: number;
}

export interface Graded {
  key: string;
  results: Results;
  /** `graded` in a student process now; `refused` before anything ran (an unsafe zip, a link); `kept` from an earlier run. */
  how: 'graded' | 'refused' | 'kept';
  /** The entry file's text, for the similarity check; absent when it could not be read. */
  source?: string;
}

/** The stored results when the submission, grader, fixtures and options are unchanged; else a new grading. */
export async function gradeOrKeep(s: FoundSubmission, opts: GradeOneOptions, store: ResultStore, staging: string, fixtures: LoadedFixtures): Promise<Graded> {
  const a = opts.assignment;
  let files;
  try {
    files = await stage(s, a.manifest.entry, staging);
  } catch (e) {
    const err = asGraderError(e);
    const key = sha256(['refused', err.message, GRADER_VERSION]);
    return keep(store, s, key) ?? { key, results: ungradedResults(a.manifest, s.student, err), how: 'refused' };
  }
  const key = sha256([files.hash, GRADER_VERSION, fixtures.hash, opts.backend, opts.timeLimitMs ?? null, opts.memoryMb]);
  const source = readFileSync(files.entry, 'utf8');
  const kept = keep(store, s, key);
  if (kept) return { ...kept, source };
  try {
    const r = await gradeSubmission({ assignment: a, file: files.entry, backend: opts.backend, memoryMb: opts.memoryMb, timeLimitMs: opts.timeLimitMs, fixtures });
    return { key, results: r, how: 'graded', source };
  } catch (e) {
    // One submission's failure (even a grader bug it triggers) costs that submission only; stored under a key
    // no run computes, it is tried again next time rather than kept.
    return { key: sha256(['retry', key]), results: ungradedResults(a.manifest, s.student, asGraderError(e)), how: 'graded', source };
  }
}

function keep(store: ResultStore, s: FoundSubmission, key: string): Graded | undefined {
  const results = store.current(s.student, key);
  return results && { key, results, how: 'kept' };
}

function sha256(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
