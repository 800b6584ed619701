import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { gradeFile, writeVariant } from '../support/grade.ts';
import { bugs } from '../../solutions/hw1-kmeans/variants.ts';

/** Drops what changes from run to run or machine to machine: durations, the scratch path, the sandbox layer the machine allows. */
function normalise(text: string): string {
  // The sandbox line depends on the machine (grader/run/sandbox.ts): dropped.
  return text.replace(/time \d+\.\d s/, 'time <t> s').replace(/submission \S+/, 'submission <file>').replace(/\nsandbox .*/, '');
}

describe('terminal report', () => {
  it('matches the golden report of a buggy hw1 (refresh with `npm run goldens`)', async () => {
    const golden = 'goldens/hw1-ties-to-last-index.txt';
    // vitest writes a missing snapshot and passes outside CI: a golden must exist before it can judge.
    expect(existsSync(path.join(import.meta.dirname, golden)) || process.env.UPDATE_GOLDENS === '1', `${golden} is missing: run npm run goldens`).toBe(true);
    const bug = bugs.find((b) => b.name === 'ties-to-last-index')!;
    const r = await gradeFile('hw1', writeVariant('hw1', bug), { backend: 'cpu' });
    await expect(normalise(renderTerminal(r, false))).toMatchFileSnapshot(golden);
  });

  it('uses colour only when asked', async () => {
    const bug = bugs.find((b) => b.name === 'stops-after-one-iteration')!;
    const r = await gradeFile('hw1', writeVariant('hw1', bug));
    expect(renderTerminal(r, true)).toContain('\u001b[');
    expect(renderTerminal(r, false)).not.toContain('\u001b[');
  });
});
