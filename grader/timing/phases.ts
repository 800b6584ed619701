import { writeFileSync } from 'node:fs';

/**
 * Where one grader run spends its time, for `npm run bench`: named moments
 * (ms since this process started) and peak figures, written as JSON to the
 * file named by TFGRADE_PHASES when the process exits. Nothing is written
 * otherwise; marking costs a property write.
 */
export interface PhaseLog {
  /** `performance.timeOrigin`: when this process started, epoch ms. */
  timeOrigin: number;
  marks: { [phase: string]: number };
  peaks: { [metric: string]: number };
}

const log: PhaseLog = { timeOrigin: performance.timeOrigin, marks: {}, peaks: {} };

/** Records the first time a phase is reached (later calls, e.g. a restarted student process, keep the first). */
export function markPhase(phase: string): void {
  log.marks[phase] ??= performance.now();
}

/** Keeps the largest value seen for a metric. */
export function recordPeak(metric: string, value: number): void {
  log.peaks[metric] = Math.max(log.peaks[metric] ?? value, value);
}

const target = process.env.TFGRADE_PHASES;
if (target) {
  process.on('exit', () => {
    log.marks.exit = performance.now();
    writeFileSync(target, JSON.stringify(log));
  });
}
