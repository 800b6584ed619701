import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { gradeFile, writeVariant } from '../support/grade.ts';
import { bugs } from '../assignments/hw1-kmeans.variants.ts';

/** Drops what changes from run to run or machine to machine: durations, the scratch path, the sandbox layer. */
function normalise(text: string): string {
  return text.replace(/time \d+\.\d s/, 'time <t> s').replace(/submission \S+/, 'submission <file>').replace(/\nsandbox .*/, '\nsandbox <layer>');
}

describe('terminal report', () => {
  it('matches the golden report of a buggy hw1 (refresh with `npx vitest run -u`)', async () => {
    const bug = bugs.find((b) => b.name === 'ties-to-last-index')!;
    const r = await gradeFile('hw1', writeVariant('hw1', bug), { backend: 'cpu' });
    await expect(normalise(renderTerminal(r, false))).toMatchFileSnapshot('goldens/hw1-ties-to-last-index.txt');
  });

  it('uses colour only when asked', async () => {
    const bug = bugs.find((b) => b.name === 'stops-after-one-iteration')!;
    const r = await gradeFile('hw1', writeVariant('hw1', bug));
    expect(renderTerminal(r, true)).toContain('\u001b[');
    expect(renderTerminal(r, false)).not.toContain('\u001b[');
  });
});
