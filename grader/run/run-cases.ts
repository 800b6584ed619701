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

/**
 * Runs the cases in one student process, starting a fresh one after a case
 * that hung or crashed, so one bad case costs only itself.
 */
export async function runCases(cases: LoadedCase[], opts: ProcessOptions, limitFor: (c: LoadedCase) => number): Promise<RunReport> {
  const report: RunReport = { outcomes: new Map(), backend: opts.backend, processes: 0, sandbox: sandbox().description, notes: [] };
  let proc: StudentProcess | undefined;
  try {
    for (const c of cases) {
      if (!proc?.alive) {
        if (proc) recordPeak('studentPeakRssMb', proc.peakRssMb());
        markPhase('studentStart');
        const started = await StudentProcess.start(opts, limitFor(c));
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
      report.outcomes.set(c.key, await proc.run(c.key, c.part.id, c.fixture.args, limitFor(c)));
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
