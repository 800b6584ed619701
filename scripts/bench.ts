/**
 * `npm run bench [-- <assignment> ...]`: start-up and grading figures per
 * backend, as medians, with the cpu/wasm ratio. Benchmarks report; tests judge.
 */
import path from 'node:path';
import { listAssignments, loadAssignment } from '../grader/definition/load-assignment.ts';
import { gradeSubmission } from '../grader/grade-submission.ts';
import { StudentProcess } from '../grader/run/student-process.ts';

const BACKENDS = ['wasm', 'cpu'] as const;
const REPEATS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function startup(backend: (typeof BACKENDS)[number]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS + 1; i++) {
    times.push(await timeIt(async () => (await StudentProcess.start({ backend, code: '', entry: 'empty.ts', memoryMb: 2048 }, 0)).proc.kill()));
  }
  return median(times.slice(1));
}

async function gradeReference(name: string, backend: (typeof BACKENDS)[number]): Promise<{ ms: number; cases: number; score: number }> {
  const a = loadAssignment(name);
  const file = path.join(a.solutionDir, a.manifest.entry);
  const runs = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await gradeSubmission({ assignment: a, file, backend, memoryMb: 2048 }));
  const cases = runs[0].parts.reduce((n, p) => n + p.cases.length, 0);
  return { ms: median(runs.map((r) => r.timing.totalMs)), cases, score: runs[0].score };
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : listAssignments();
const rows: string[][] = [['what', ...BACKENDS, 'cpu/wasm']];
const start: { [b: string]: number } = {};
for (const b of BACKENDS) start[b] = await startup(b);
rows.push(['student process start (ms)', ...BACKENDS.map((b) => start[b].toFixed(0)), (start.cpu / start.wasm).toFixed(2)]);
for (const name of names) {
  const r = { wasm: await gradeReference(name, 'wasm'), cpu: await gradeReference(name, 'cpu') };
  rows.push([`grade ${name} reference, ${r.wasm.cases} cases (ms)`, ...BACKENDS.map((b) => `${r[b].ms.toFixed(0)} (score ${r[b].score})`), (r.cpu.ms / r.wasm.ms).toFixed(2)]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
console.log(`\nmedians of ${REPEATS} runs; ${new Date().toISOString()}`);
