import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import { StudentProcess, type Outcome, type ProcessOptions } from './student-process.ts';

export interface RunReport {
  outcomes: Map<string, Outcome>;
  backend: string;
  backendNote?: string;
  /** How many student processes were started (more than one after a hang or crash). */
  processes: number;
}

/**
 * Runs the cases in one student process, starting a fresh one after a case
 * that hung or crashed, so one bad case costs only itself.
 */
export async function runCases(cases: LoadedCase[], opts: ProcessOptions, limitFor: (c: LoadedCase) => number): Promise<RunReport> {
  const report: RunReport = { outcomes: new Map(), backend: opts.backend, processes: 0 };
  let proc: StudentProcess | undefined;
  try {
    for (const c of cases) {
      if (!proc?.alive) {
        const started = await StudentProcess.start(opts, limitFor(c));
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
      report.outcomes.set(c.key, await proc.run(c.key, c.part.id, c.fixture.args, limitFor(c), c.spec.observe));
    }
    return report;
  } finally {
    proc?.kill();
  }
}
