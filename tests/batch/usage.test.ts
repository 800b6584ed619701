import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os, { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCli } from '../support/batch-cli.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-usage-'));

describe('batch usage errors (exit 2, nothing graded)', () => {
  it.each([
    ['a folder that is not there', ['--submissions', path.join(dir, 'nope')], /--submissions: no such folder/],
    ['--jobs without --submissions', ['--jobs', '2'], /--jobs and --roster go with --submissions/],
    ['--submission and --submissions', ['--submission', dir, '--submissions', dir], /give one of --solution, --submission and --submissions/],
    ['--jobs 0', ['--submissions', dir, '--jobs', '0'], /must be a positive integer/],
    ['--json with --submissions', ['--submissions', dir, '--json', path.join(dir, 'r.json')], /--json is for one submission/],
  ])('%s', (_, args, message) => {
    const r = gradeCli('hw1', ...args);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(message)]);
  });

  it('a roster without an id column, or with an id twice, names the problem', () => {
    writeFileSync(path.join(dir, 'no-id.csv'), 'name,email\nAda,a@x\n');
    writeFileSync(path.join(dir, 'twice.csv'), 'id,name\na1,Ada\na1,Ada again\n');
    expect(gradeCli('hw1', '--submissions', dir, '--roster', path.join(dir, 'no-id.csv')).err).toMatch(/has no 'id' column/);
    expect(gradeCli('hw1', '--submissions', dir, '--roster', path.join(dir, 'twice.csv')).err).toMatch(/line 3: a1 is listed twice/);
  });
});

it('warns, and grades, when --jobs asks for more student processes than there are cores', () => {
  const empty = path.join(dir, 'empty-class');
  mkdirSync(empty, { recursive: true });
  const over = availableParallelism() + 1;
  const r = gradeCli('hw1', '--submissions', empty, '--jobs', String(over), '--out', path.join(dir, 'out-over'));
  expect([r.code, r.err]).toEqual([0, expect.stringContaining(`warning: --jobs ${over} is more than the ${availableParallelism()} cores here`)]);
  expect(gradeCli('hw1', '--submissions', empty, '--jobs', String(availableParallelism()), '--out', path.join(dir, 'out-fit')).err).not.toContain('warning');
});
