import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import { StudentProcess, type Outcome, type ProcessOptions } from './student-process.ts';

export interface RunReport {
  outcomes: Map<string, Outcome>;
  backend: string;
  backendNote?: string;
  /** How many student processes were started (more than one after a hang or crash). */
  processes: number;
}

/** A case's time limit; `afterTimeout` when its function timed out on the case before. */
export type LimitFor = (c: LoadedCase, afterTimeout: boolean) => number;

/**
 * Runs the cases in one student process, starting a fresh one after a case
 * that hung or crashed, so one bad case costs only itself. A function that
 * timed out runs its next case under a short limit, and after two timeouts
 * in a row its other cases are not run: a hung function costs seconds, not
 * a limit and a process restart per case, while one that hangs on a single
 * kind of input still gets its other cases judged.
 */
export async function runCases(cases: LoadedCase[], opts: ProcessOptions, limitFor: LimitFor, onCase?: (c: LoadedCase, index: number, total: number) => void): Promise<RunReport> {
  const report: RunReport = { outcomes: new Map(), backend: opts.backend, processes: 0 };
  /** Consecutive timeouts per function. */
  const strikes = new Map<string, number>();
  let proc: StudentProcess | undefined;
  try {
    for (const [index, c] of cases.entries()) {
      onCase?.(c, index, cases.length);
      const struck = strikes.get(c.part.id) ?? 0;
      if (struck >= 2) {
        report.outcomes.set(c.key, { kind: 'timeout', limitMs: 0, after: 'not-run' });
        continue;
      }
      const afterTimeout = struck > 0;
      if (!proc?.alive) {
        const started = await StudentProcess.start(opts, limitFor(c, afterTimeout));
        report.processes++;
        proc = started.proc;
        report.backend = proc.backend || report.backend;
        report.backendNote = proc.backendNote;
        if (started.loadError) {
          // The same code would fail the same way again: every case gets the load error.
          for (const rest of cases.slice(cases.indexOf(c))) report.outcomes.set(rest.key, started.loadError);
          return report;
        }
      }
      const outcome = await proc.run(c.key, c.part.id, c.fixture.args, limitFor(c, afterTimeout));
      strikes.set(c.part.id, outcome.kind === 'timeout' ? struck + 1 : 0);
      report.outcomes.set(c.key, outcome.kind === 'timeout' && afterTimeout ? { ...outcome, after: 'short-limit' } : outcome);
    }
    return report;
  } finally {
    proc?.kill();
  }
}
