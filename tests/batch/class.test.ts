import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../grader/definition/validate.ts';
import { bugs } from '../../solutions/hw1-kmeans/variants.ts';
import { edited, hw1Class, writeClass } from '../support/batch-class.ts';
import { gradeCli, gradedIn, killWhenStored, type CliRun } from '../support/batch-cli.ts';

const members = hw1Class();
const root = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-class-'));
const subs = path.join(root, 'class');
let roster: string;
const runs: { [jobs: string]: CliRun } = {};
let killed: CliRun;
/** results/<id>.json as the killed run left them, by file name. */
let storedAtKill: Map<string, string>;
const gradable = members.filter((m) => m.status === 'graded' || m.status === 'timeout').map((m) => `${m.id}.json`);
const stored = (dir: string) => new Map(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
const out = (jobs: number) => path.join(root, `out-${jobs}`);
/** Every path under the class's parent folder except the --out folders: what a batch must leave as it was. */
const outside = () => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => !p.startsWith('out-')).sort();
let before: string[];

beforeAll(async () => {
  roster = await writeClass(subs, members);
  before = outside();
  // hw1's reference needs ~200 MB; a lower cap keeps the memory hog's burst small on a shared machine.
  const common = ['--submissions', subs, '--roster', roster, '--backend', 'wasm', '--memory', '1024'];
  runs[1] = gradeCli('hw1', ...common, '--jobs', '1', '--out', out(1), '--report', 'md');
  // --jobs 2 is killed (SIGKILL: no handler runs) once a third of the class is stored, then run again to the end.
  const jobs2 = [...common, '--jobs', '2', '--out', out(2)];
  killed = await killWhenStored(path.join(out(2), 'results'), 10, 'SIGKILL', 'hw1', ...jobs2);
  storedAtKill = stored(path.join(out(2), 'results'));
  runs[2] = gradeCli('hw1', ...jobs2);
}, 600_000);

describe('batch grading a synthetic hw1 class (correct, buggy, broken, hostile, empty, missing)', () => {
  it('runs to the end and exits 0, though some submissions could not be graded', () => {
    for (const r of Object.values(runs)) expect([r.code, r.err]).toEqual([0, expect.stringContaining('layout: folders, zips')]);
  });

  it('writes the same gradebook with --jobs 1, and with --jobs 2 killed mid-run then run again', () => {
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(path.join(out(2), 'gradebook.csv'))).toBe(true);
    expect(readFileSync(path.join(out(2), 'gradebook.csv'), 'utf8')).toBe(readFileSync(path.join(out(1), 'gradebook.csv'), 'utf8'));
  });

  it('gives every student the expected score and status, sorted by id, named from the roster', () => {
    const rows = parse(readFileSync(path.join(out(1), 'gradebook.csv')), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['student', 'name', 'score', 'max_score', 'status', 'pairwiseSqDistances', 'assignClusters', 'updateCenters', 'kmeansObjective', 'kmeansPlusPlusInit', 'kmeans']);
    const expected = [...members].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(rows.map((r) => [r.student, r.score, r.status])).toEqual(expected.map((m) => [m.id, String(m.score), m.status]));
    expect(rows.find((r) => r.student === 'ada')?.name).toBe('Student ADA');
    expect(rows.find((r) => r.student === 'b%FFd')?.name).toBe('');
  });

  it('stores each result as a valid record, with a clear error for each submission it could not grade', () => {
    for (const m of members.filter((x) => x.status !== 'missing')) {
      const file = path.join(out(2), 'results', `${m.id}.json`);
      const record = validate('batch-record', JSON.parse(readFileSync(file, 'utf8')), file);
      expect([record.student, record.results.score]).toEqual([m.id, m.score]);
      if (m.error) expect(record.results.error?.message).toMatch(m.error);
    }
    expect(existsSync(path.join(out(2), 'results', 'zack.json'))).toBe(false);
  });

  it('writes the per-student reports asked for (md,html by default)', () => {
    expect(readdirSync(path.join(out(1), 'reports', 'gus')).sort()).toEqual(['report.md']);
    expect(readdirSync(path.join(out(2), 'reports', 'gus')).sort()).toEqual(['report.html', 'report.md']);
    expect(readFileSync(path.join(out(2), 'reports', 'uma', 'report.md'), 'utf8')).toContain('invalid relative path');
  });

  it('logs one line per submission, and grades each once', () => {
    const submitted = members.filter((m) => m.status !== 'missing').length;
    expect(runs[1].err.match(/^\[\d+\/\d+\] /gm)).toHaveLength(submitted);
    expect(gradedIn(runs[1].err).map((id) => `${id}.json`).sort()).toEqual(gradable.sort());
  });

  it('after the kill, grades only what was not stored, and leaves what was stored untouched', () => {
    expect(storedAtKill.size).toBeGreaterThanOrEqual(10);
    expect(storedAtKill.size).toBeLessThan(members.length - 2);
    expect(gradedIn(runs[2].err).map((id) => `${id}.json`).sort()).toEqual(gradable.filter((f) => !storedAtKill.has(f)).sort());
    const after = stored(path.join(out(2), 'results'));
    for (const [file, text] of storedAtKill) expect([file, after.get(file)]).toEqual([file, text]);
  });

  it('writes nothing outside --out: the class folder is as it was, the zip-slip entry went nowhere', () => {
    expect(outside()).toEqual(before);
    expect(existsSync(path.join(root, 'escaped.ts'))).toBe(false);
    expect(readdirSync(out(2)).sort()).toEqual(['gradebook.csv', 'reports', 'results', 'summary.html', 'summary.md']);
  });

  it('summarises the class: counts, histogram, hardest cases, errors by cause, similar pairs', () => {
    const md = readFileSync(path.join(out(1), 'summary.md'), 'utf8');
    expect(md).toContain('31 students: 21 graded, 1 graded with a time limit hit, 7 not graded (error), 2 missing.');
    expect(md).toMatch(/^\| 90-100 \| 10 \| █{20} \|$/m);
    expect(md).toMatch(/^\| `kmeans\/[\w-]+`.*\| [\d.]+% of 22 \| `/m);
    expect(md).toMatch(/^\| `SUBMISSION: the zip was refused: [^`]*zip bomb\?\)` \| vic \|$/m);
    expect(md).toMatch(/^\| `not run: the submission does not compile: <path>: Unexpected ";"` \| oli \|$/m);
    // Most of this class is the reference or an edit of it: copies, as far as fingerprints can tell.
    expect(md).toMatch(/^\| ada ~ ben \| 100% \| `pairwiseSqDistances`~`pairwiseSqDistances` \(100%\)/m);
    const html = readFileSync(path.join(out(1), 'summary.html'), 'utf8');
    expect(html).toContain('<td>ada ~ ben</td>');
    expect(html).toContain('<div class="bar" style="width: 100%"></div>');
  });

  it('grades again only a submission whose content changed, and its row alone changes', () => {
    const before = readFileSync(path.join(out(2), 'gradebook.csv'), 'utf8');
    writeFileSync(path.join(subs, 'ben', 'kmeans.ts'), edited(bugs.find((b) => b.name === 'ignores-tol')!));
    const r = gradeCli('hw1', '--submissions', subs, '--roster', roster, '--backend', 'wasm', '--memory', '1024', '--jobs', '2', '--out', out(2));
    expect(gradedIn(r.err)).toEqual(['ben']);
    const changed = readFileSync(path.join(out(2), 'gradebook.csv'), 'utf8');
    expect(changed.replace(/^ben,.*$/m, '')).toBe(before.replace(/^ben,.*$/m, ''));
    expect(changed).toMatch(/^ben,Student BEN,95\.71,100,graded,/m);
  });
});
