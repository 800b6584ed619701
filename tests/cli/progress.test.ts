import { describe, expect, it } from 'vitest';
import { progressLine } from '../../grader/cli/progress.ts';

const sink = (isTTY: boolean) => {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) > 0 }, written };
};
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the progress line', () => {
  it('appears on a terminal once grading takes a while, follows the cases, and is cleared for the report', async () => {
    const { stream, written } = sink(true);
    const p = progressLine(stream, 10);
    p.update('grading kmeans/blobs (1/10)...');
    await tick(30);
    p.update('grading kmeans/ties (2/10)...');
    p.done();
    expect(written).toEqual(['\r\x1b[Kgrading kmeans/blobs (1/10)...', '\r\x1b[Kgrading kmeans/ties (2/10)...', '\r\x1b[K']);
  });

  it('stays silent off a terminal, and for a quick run', async () => {
    const pipe = sink(false);
    const quick = sink(true);
    for (const p of [progressLine(pipe.stream, 0), progressLine(quick.stream, 1000)]) {
      p.update('grading a/b (1/1)...');
      await tick(20);
      p.done();
    }
    expect([pipe.written, quick.written]).toEqual([[], []]);
  });
});
