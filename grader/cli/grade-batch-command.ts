/** `npm run grade <hw> -- --submissions <dir>`: the batch side of the grade command, for TAs. */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { batchProgress } from '../batch/batch-progress.ts';
import { gradeBatch } from '../batch/grade-batch.ts';
import { statusOf } from '../batch/gradebook.ts';
import { readRoster } from '../batch/roster.ts';
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import type { Assignment } from '../definition/manifest.ts';
import { GraderError } from '../errors.ts';
import type { Reporter } from '../report/reporter.ts';

export interface BatchCliOptions {
  submissions: string;
  out?: string;
  jobs?: number;
  roster?: string;
  backend: BackendChoice;
  memory: number;
  timeLimit?: number;
}

/** The per-student formats when --report is not given: one to paste in an LMS comment, one to open in a browser. */
export const BATCH_REPORTS = 'md,html';

/**
 * Grades the folder and says where everything went. Exit status 0 whenever
 * the batch ran, even when some submissions could not be graded: those are
 * rows of the gradebook (status `error`), the TA's to read, not a failure of
 * the command (a CI job would otherwise fail on one student's broken zip).
 */
export async function runBatch(assignment: Assignment, opts: BatchCliOptions, reporters: Reporter[], fromCaller: (p: string) => string): Promise<void> {
  const submissions = fromCaller(opts.submissions);
  if (!existsSync(submissions) || !statSync(submissions).isDirectory()) throw new GraderError('USAGE', `--submissions: no such folder: ${submissions}`);
  const out = fromCaller(opts.out ?? path.join('grades', assignment.short));
  const roster = opts.roster ? readRoster(fromCaller(opts.roster)) : undefined;
  const progress = batchProgress(process.stderr);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  stopCleanlyOnSignals(log);
  const jobs = opts.jobs ?? availableParallelism();
  if (jobs > availableParallelism()) {
    // Time limits assume a core per student process (10x the reference's time, at least 3 s).
    log(`warning: --jobs ${jobs} is more than the ${availableParallelism()} cores here: each student's code runs slower than it would alone, and a correct but slow submission may hit a time limit`);
  }
  const outcome = await gradeBatch({
    assignment,
    submissions,
    out,
    jobs,
    roster,
    backend: opts.backend,
    memoryMb: opts.memory,
    timeLimitMs: opts.timeLimit,
    reporters: reporters.filter((r) => r.file),
    progress,
    log,
  });
  const counts = new Map<string, number>();
  for (const s of outcome.students) counts.set(statusOf(s.results), (counts.get(statusOf(s.results)) ?? 0) + 1);
  log(`graded ${outcome.graded}, refused ${outcome.refused}, kept ${outcome.kept} unchanged; ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  process.stdout.write(`${path.join(out, 'gradebook.csv')}\n`);
}

/** A TA's Ctrl-C or a scheduler's SIGTERM: what is stored stays (each result is written whole), the student processes die with the grader. */
function stopCleanlyOnSignals(log: (line: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopped; the results written so far are kept, run the same command again to grade the rest`);
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
}
