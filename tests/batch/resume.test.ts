import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { hw1Class, writeClass } from '../support/batch-class.ts';
import { gradeCli, gradedIn, killWhenStored } from '../support/batch-cli.ts';

// SIGKILL mid-run is tested on the whole class (class.test.ts); this is the polite stop a TA's Ctrl-C or a scheduler sends.
it('a batch stopped by SIGTERM says how to go on, exits 143, and the next run grades only the rest', async () => {
  const members = hw1Class().filter((m) => ['ada', 'jon', 'quin'].includes(m.id));
  const root = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-term-'));
  const subs = path.join(root, 'class');
  const roster = await writeClass(subs, members);
  const args = ['hw1', '--submissions', subs, '--roster', roster, '--backend', 'wasm', '--jobs', '1', '--out', path.join(root, 'out')];
  const stopped = await killWhenStored(path.join(root, 'out', 'results'), 1, 'SIGTERM', ...args);
  expect([stopped.code, stopped.err]).toEqual([143, expect.stringContaining('SIGTERM: stopped; the results written so far are kept, run the same command again')]);
  const first = gradedIn(stopped.err);
  expect(first.length).toBeGreaterThanOrEqual(1);
  const rest = gradeCli(...args);
  expect(rest.code).toBe(0);
  expect([...first, ...gradedIn(rest.err)].sort()).toEqual(['ada', 'jon', 'quin']);
  expect(readFileSync(path.join(root, 'out', 'gradebook.csv'), 'utf8').split('\n').slice(1, 4)).toEqual([
    'ada,Student ADA,100,100,graded,10,15,20,10,15,30',
    'jon,Student JON,64.29,100,graded,10,15,20,0,15,4.29',
    'quin,Student QUIN,70,100,timeout,10,15,20,10,15,0',
  ]);
});

it('a rerun writes the reports a kept result lacks (deleted, or in a format newly asked for) without grading again', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-reports-'));
  const subs = path.join(root, 'class');
  await writeClass(subs, hw1Class().filter((m) => ['ada', 'jon'].includes(m.id)));
  const out = path.join(root, 'out');
  const run = (formats: string) => gradeCli('hw1', '--submissions', subs, '--backend', 'wasm', '--jobs', '1', '--out', out, '--report', formats);
  expect(gradedIn(run('md').err).sort()).toEqual(['ada', 'jon']);
  const md = path.join(out, 'reports', 'ada', 'report.md');
  const kept = readFileSync(path.join(out, 'reports', 'jon', 'report.md'), 'utf8');
  rmSync(md);
  const again = run('md,html');
  expect([again.code, gradedIn(again.err)]).toEqual([0, []]);
  expect(readFileSync(md, 'utf8')).toContain('100');
  for (const id of ['ada', 'jon']) expect(existsSync(path.join(out, 'reports', id, 'report.html')), id).toBe(true);
  expect(readFileSync(path.join(out, 'reports', 'jon', 'report.md'), 'utf8')).toBe(kept);
});
