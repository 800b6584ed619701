import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import { markPhase, recordPeak } from '../timing/phases.ts';
import { sandbox } from './sandbox.ts';
import { StudentProcess, type LateError, type Outcome, type ProcessOptions } from './student-process.ts';

export interface RunReport {
  outcomes: Map<string, Outcome>;
  backend: string;
  backendNote?: string;
  /** How many student processes were started (more than one after a hang or crash). */
  processes: number;
  /** What isolated the student processes (see sandbox.ts); absent when none ran. */
  sandbox?: string;
  /** What happened that belongs to the submission but to no case (an error thrown by work started at load time). */
  notes: string[];
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
  const report: RunReport = { outcomes: new Map(), backend: opts.backend, processes: 0, sandbox: sandbox().description, notes: [] };
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
        if (proc) recordPeak('studentPeakRssMb', proc.peakRssMb());
        markPhase('studentStart');
        const started = await StudentProcess.start(opts, limitFor(c, afterTimeout));
        markPhase('studentReady');
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
      const outcome = await proc.run(c.key, c.part.id, c.fixture.args, limitFor(c, afterTimeout), c.spec.observe);
      strikes.set(c.part.id, outcome.kind === 'timeout' ? struck + 1 : 0);
      report.outcomes.set(c.key, outcome.kind === 'timeout' && afterTimeout ? { ...outcome, after: 'short-limit' } : outcome);
      chargeLateErrors(report, proc.takeLateErrors());
      if (proc.tampered) report.notes.push(proc.tampered);
    }
    markPhase('casesDone');
    return report;
  } finally {
    if (proc) recordPeak('studentPeakRssMb', proc.peakRssMb());
    proc?.kill();
  }
}

/** A late error costs the case whose work threw it, never the case running when it surfaced. */
function chargeLateErrors(report: RunReport, late: LateError[]): void {
  for (const { caseKey, message, stack } of late) {
    const owner = caseKey === undefined ? undefined : report.outcomes.get(caseKey);
    if (caseKey !== undefined && owner) {
      report.outcomes.set(caseKey, { kind: 'case-error', errorKind: 'threw', message: `work this function left running threw after it returned: ${message}`, stack, ms: 0 });
    } else {
      report.notes.push(`Work the submission started while loading threw later: ${message}`);
    }
  }
}
