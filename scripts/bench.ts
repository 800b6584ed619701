/**
 * `npm run bench [-- <assignment> ...] [--repeats N] [--root DIR] [--part single|batch]`:
 * where the time of a whole `npm run grade` goes, per assignment and backend
 * (wasm and cpu side by side), as medians; then batch throughput with --jobs 1
 * and 2 (bench-batch.ts; hw1 and hw3 unless assignments are named). Writes
 * bench/results.json and prints tables. `--root` benches another checkout
 * (e.g. main, for a before/after); `--part` runs one half.
 * Benchmarks report; tests judge.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PhaseLog } from '../grader/timing/phases.ts';
import type { Results } from '../grader/results/results.ts';
import { batchTable, benchBatch, type BatchRow } from './bench-batch.ts';

const BACKENDS = ['wasm', 'cpu'] as const;
/** GNU time, for the CPU time of a whole process tree (rows left out where it is missing). */
const TIME = '/usr/bin/time';
type Backend = (typeof BACKENDS)[number];

interface Run {
  wallMs: number;
  /** User + system time of the whole process tree (npm, grader, student processes): what the load of a shared machine does not inflate. */
  cpuMs?: number;
  results: Results;
  /** Absent when the benched checkout does not log phases. */
  phases?: { [phase: string]: number };
  peakRssMb?: number;
}

/** One assignment on one backend: medians over the repeats. */
interface Row {
  assignment: string;
  backend: Backend;
  score: number;
  cases: number;
  wallMs: number;
  phases: { [phase: string]: number };
  studentComputeMs: number;
  startupMs: number;
  cpuMs?: number;
  startupCpuMs?: number;
  overheadRatio: number;
  peakRssMb?: number;
}

const { values: opts, positionals } = parseArgs({ options: { repeats: { type: 'string', default: '3' }, root: { type: 'string' }, part: { type: 'string' } }, allowPositionals: true });
const root = path.resolve(opts.root ?? path.join(import.meta.dirname, '..'));
const repeats = Number(opts.repeats);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-bench-'));

/** One `npm run grade` exactly as a user types it, timed from outside, with the grader's phase log. */
function grade(assignment: string, backend: Backend, solution: boolean): Run {
  const json = path.join(scratch, 'results.json');
  const phaseFile = path.join(scratch, 'phases.json');
  const cpuFile = path.join(scratch, 'cpu.txt');
  const args = ['run', '--silent', 'grade', assignment, '--', '--backend', backend, '--json', json, '--no-color', ...(solution ? ['--solution'] : [])];
  const [command, commandArgs] = existsSync(TIME) ? [TIME, ['-f', '%U %S', '-o', cpuFile, 'npm', ...args]] : ['npm', args];
  const spawnedAt = Date.now();
  const start = performance.now();
  const r = spawnSync(command, commandArgs, { cwd: root, env: { ...process.env, TFGRADE_PHASES: phaseFile }, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  const cpuMs = existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).reduce((t, x) => t + Number(x) * 1000, 0) : undefined;
  if (!existsSync(json)) throw new Error(`npm run grade ${assignment} wrote no results: ${r.stderr}`);
  const results = JSON.parse(readFileSync(json, 'utf8')) as Results;
  if (!existsSync(phaseFile)) return { wallMs, cpuMs, results };
  const log = JSON.parse(readFileSync(phaseFile, 'utf8')) as PhaseLog;
  return { wallMs, cpuMs, results, phases: phasesOf(log, spawnedAt, wallMs, results), peakRssMb: log.peaks.studentPeakRssMb };
}

/** The grader's marks turned into consecutive durations that add up to the wall time. */
function phasesOf(log: PhaseLog, spawnedAt: number, wallMs: number, r: Results): { [phase: string]: number } {
  const m = log.marks;
  const processStart = log.timeOrigin - spawnedAt;
  return {
    'process start (npm, node)': processStart,
    'module load (grader, CLI)': m.gradingStart,
    'fixtures + compile': r.timing.compileMs,
    'student process start (tfjs, backend init, submission load)': m.studentReady - m.studentStart,
    'running the cases': m.casesDone - m.studentReady,
    'judging (+ cpu re-runs)': m.judged - m.casesDone,
    'reporting and exit': m.exit - m.judged + (wallMs - processStart - m.exit),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function studentCompute(r: Results): number {
  return r.parts.reduce((t, p) => t + p.cases.reduce((u, c) => u + (c.ms ?? 0), 0), 0);
}

function bench(assignment: string, backend: Backend): Row {
  const refs: Run[] = [];
  const stubs: Run[] = [];
  // A warm-up run of each, not counted: the first run after a change also bundles the harness.
  for (let i = 0; i <= repeats; i++) {
    const ref = grade(assignment, backend, true);
    const stub = grade(assignment, backend, false);
    if (i === 0) continue;
    refs.push(ref);
    stubs.push(stub);
  }
  const phases: { [phase: string]: number } = {};
  for (const k of Object.keys(refs[0].phases ?? {})) phases[k] = median(refs.map((r) => r.phases![k]));
  const wallMs = median(refs.map((r) => r.wallMs));
  const startupMs = median(stubs.map((r) => r.wallMs));
  const cpu = (runs: Run[]) => (runs.every((r) => r.cpuMs !== undefined) ? median(runs.map((r) => r.cpuMs!)) : undefined);
  const studentComputeMs = median(refs.map((r) => studentCompute(r.results)));
  const rss = refs.map((r) => r.peakRssMb).filter((x): x is number => x !== undefined);
  return {
    assignment,
    backend,
    score: refs[0].results.score,
    cases: refs[0].results.parts.reduce((n, p) => n + p.cases.length, 0),
    wallMs,
    phases,
    studentComputeMs,
    startupMs,
    cpuMs: cpu(refs),
    startupCpuMs: cpu(stubs),
    overheadRatio: (wallMs - startupMs) / studentComputeMs,
    peakRssMb: rss.length ? Math.max(...rss) : undefined,
  };
}

function table(rows: Row[]): string {
  const f = (x: number | undefined, digits = 0) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits));
  const lines: string[][] = [['', ...rows.map((r) => `${r.assignment} ${r.backend}`)]];
  lines.push(['wall, npm run grade --solution (ms)', ...rows.map((r) => f(r.wallMs))]);
  for (const k of Object.keys(rows.find((r) => Object.keys(r.phases).length)?.phases ?? {})) lines.push([`  ${k}`, ...rows.map((r) => f(r.phases[k]))]);
  lines.push(['student compute, sum over cases (ms)', ...rows.map((r) => f(r.studentComputeMs))]);
  lines.push(['startupMs (wall for the stub, computes nothing)', ...rows.map((r) => f(r.startupMs))]);
  lines.push(['overheadRatio (wall - startup) / compute', ...rows.map((r) => f(r.overheadRatio, 2))]);
  lines.push(['cpu time, whole tree, reference (ms)', ...rows.map((r) => f(r.cpuMs))]);
  lines.push(['cpu time, whole tree, stub (ms)', ...rows.map((r) => f(r.startupCpuMs))]);
  lines.push(['peakRssMb, student process', ...rows.map((r) => f(r.peakRssMb))]);
  lines.push(['score / cases', ...rows.map((r) => `${r.score} / ${r.cases}`)]);
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines.map((l) => l.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')).join('\n');
}

/** Class sizes for the batch bench: a few minutes of grading each on two cores, enough for the pool to reach its steady state. */
const CLASS_SIZE: { [assignment: string]: number } = { hw1: 16, hw3: 8 };

const names = positionals.length ? positionals : readdirSync(path.join(root, 'assignments')).map((d) => d.split('-')[0]).sort();
const rows = opts.part === 'batch' ? [] : names.flatMap((n) => BACKENDS.map((b) => bench(n, b)));
const batchNames = positionals.length ? positionals : ['hw1', 'hw3'];
const batch: BatchRow[] = opts.part === 'single' ? [] : batchNames.flatMap((n) => benchBatch(root, n, CLASS_SIZE[n] ?? 8, [1, 2]));
const out = { date: new Date().toISOString(), root, node: process.version, cpus: cpus().length, repeats, rows, batch };
mkdirSync(path.join(import.meta.dirname, '..', 'bench'), { recursive: true });
writeFileSync(path.join(import.meta.dirname, '..', 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
if (rows.length) console.log(table(rows));
if (batch.length) console.log(`\n${batchTable(batch)}`);
console.log(`\nmedians of ${repeats} runs after a warm-up (batch: one run each), ${cpus().length} cores, node ${process.version}; ${out.date}`);
