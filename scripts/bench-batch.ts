/**
 * The batch side of `npm run bench`: a class of copies of the reference
 * graded by `npm run grade <hw> -- --submissions` with --jobs 1 and 2, as
 * submissions per minute, and what each submission costs beyond its own
 * compute (student process start, compiling, judging, storing, reports).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoredRecord } from '../grader/batch/record.ts';

export interface BatchRow {
  assignment: string;
  jobs: number;
  submissions: number;
  wallMs: number;
  /** Wall time of the same command on an empty class: start-up, fixtures, the summary's fixed costs. */
  startupMs: number;
  perMinute: number;
  /** Mean over the class of the student's own compute (the sum of its cases' times). */
  computeMs: number;
  /** (wall - startup) * jobs / submissions - compute: what grading one submission costs beyond its own compute, per job slot. */
  overheadMs: number;
}

/** Grades a class of `size` copies of the reference with each --jobs, once after a warm-up run of the empty class. */
export function benchBatch(root: string, assignment: string, size: number, jobsList: number[]): BatchRow[] {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-bench-batch-'));
  const empty = path.join(scratch, 'empty');
  mkdirSync(empty);
  const subs = path.join(scratch, 'class');
  const folder = readdirSync(path.join(root, 'solutions')).find((d) => d.split('-')[0] === assignment)!;
  const { entry } = JSON.parse(readFileSync(path.join(root, 'assignments', folder, 'manifest.json'), 'utf8')) as { entry: string };
  for (let i = 0; i < size; i++) {
    const student = path.join(subs, `s${String(i).padStart(3, '0')}`);
    mkdirSync(student, { recursive: true });
    cpSync(path.join(root, 'solutions', folder, entry), path.join(student, entry));
  }
  const run = (dir: string, jobs: number) => {
    const out = mkdtempSync(path.join(scratch, 'out-'));
    const start = performance.now();
    const r = spawnSync('npm', ['run', '--silent', 'grade', assignment, '--', '--submissions', dir, '--out', out, '--jobs', String(jobs), '--backend', 'wasm', '--report', 'md'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`batch of ${assignment} failed: ${r.stderr}`);
    return { wallMs: performance.now() - start, out };
  };
  const startupMs = Math.min(run(empty, 1).wallMs, run(empty, 1).wallMs);
  return jobsList.map((jobs) => {
    const { wallMs, out } = run(subs, jobs);
    const computeMs = meanCompute(path.join(out, 'results'));
    const perSubmissionMs = ((wallMs - startupMs) * jobs) / size;
    return { assignment, jobs, submissions: size, wallMs, startupMs, perMinute: size / (wallMs / 60_000), computeMs, overheadMs: perSubmissionMs - computeMs };
  });
}

function meanCompute(resultsDir: string): number {
  const files = readdirSync(resultsDir).filter((f) => f.endsWith('.json'));
  const total = files.reduce((t, f) => {
    const { results } = JSON.parse(readFileSync(path.join(resultsDir, f), 'utf8')) as StoredRecord;
    if (results.score !== results.maxScore) throw new Error(`${f}: the reference scored ${results.score}`);
    return t + results.parts.reduce((u, p) => u + p.cases.reduce((v, c) => v + (c.ms ?? 0), 0), 0);
  }, 0);
  return total / files.length;
}

export function batchTable(rows: BatchRow[]): string {
  const head = ['batch (copies of the reference, wasm)', 'submissions', 'wall s', 'startup s', 'per minute', 'vs --jobs 1', 'compute ms', 'overhead ms'];
  const lines = rows.map((r) => {
    const one = rows.find((x) => x.assignment === r.assignment && x.jobs === 1);
    return [`${r.assignment} --jobs ${r.jobs}`, String(r.submissions), (r.wallMs / 1000).toFixed(1), (r.startupMs / 1000).toFixed(1), r.perMinute.toFixed(1), one ? `${(r.perMinute / one.perMinute).toFixed(2)}x` : '-', r.computeMs.toFixed(0), r.overheadMs.toFixed(0)];
  });
  const widths = head.map((_, i) => Math.max(...[head, ...lines].map((l) => l[i].length)));
  return [head, ...lines].map((l) => l.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')).join('\n');
}
