import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { gradeFile, writeVariant } from '../support/grade.ts';
import { bugs } from '../assignments/hw1-kmeans.variants.ts';
import { expectGolden } from '../support/golden.ts';

/** Drops what changes from run to run: durations and the scratch path. */
function normalise(text: string): string {
  return text.replace(/time \d+\.\d s/, 'time <t> s').replace(/submission \S+/, 'submission <file>');
}

describe('terminal report', () => {
  it('matches the golden report of a buggy hw1 (refresh with `npm run goldens`)', async () => {
    const bug = bugs.find((b) => b.name === 'ties-to-last-index')!;
    const r = await gradeFile('hw1', writeVariant('hw1', bug), { backend: 'cpu' });
    expectGolden(normalise(renderTerminal(r, false)), path.join(import.meta.dirname, 'goldens', 'hw1-ties-to-last-index.txt'));
  });

  it('uses colour only when asked', async () => {
    const bug = bugs.find((b) => b.name === 'stops-after-one-iteration')!;
    const r = await gradeFile('hw1', writeVariant('hw1', bug));
    expect(renderTerminal(r, true)).toContain('\u001b[');
    expect(renderTerminal(r, false)).not.toContain('\u001b[');
  });
});
