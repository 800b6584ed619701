import { expect, it } from 'vitest';
import { batchProgress } from '../../grader/batch/batch-progress.ts';

/** A stream that records what is written, as a terminal or a pipe. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, columns: 120, write: (s: string) => written.push(s) > 0, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => undefined, removeListener: () => undefined };
}

it('logs one plain line per submission off a terminal (CI), with the count', () => {
  const s = stream(false);
  const p = batchProgress(s);
  p.start(2);
  p.done('graded ada: 100/100 in 2.0 s');
  p.done('kept ben: 90/100 (unchanged since the last run)');
  p.stop();
  expect(s.written).toEqual(['[1/2] graded ada: 100/100 in 2.0 s\n', '[2/2] kept ben: 90/100 (unchanged since the last run)\n']);
});

it('draws a bar with the count, the rate and an ETA on a terminal', () => {
  const s = stream(true);
  const p = batchProgress(s);
  p.start(4);
  p.done('graded ada: 100/100 in 2.0 s');
  p.stop();
  const last = s.written.filter((w) => w.includes('grading')).at(-1)!;
  expect(last).toMatch(/grading \|[█░]+\| 1\/4 \| [\d.]+\/min \| ETA \w+ \| graded ada: 100\/100/);
});
