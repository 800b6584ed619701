/** Runs the batch as a TA does: the real `npm run grade` entry (the precompiled bundle), in its own process. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../grader/paths.ts';

/** The environment without what npm adds; no colours, not a terminal: the batch logs one line per submission. */
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_'))), NO_COLOR: '1', FORCE_COLOR: '', INIT_CWD: os.tmpdir() };
const command = (args: string[]) => [path.join(ROOT, 'scripts/precompiled.mjs'), 'grader/cli/grade.ts', ...args];

export interface CliRun {
  code: number | null;
  signal?: NodeJS.Signals | null;
  out: string;
  err: string;
}

export function gradeCli(...args: string[]): CliRun {
  return gradeCliFrom(os.tmpdir(), ...args);
}

/** As typed in the folder `caller` (npm tells the command through INIT_CWD). */
export function gradeCliFrom(caller: string, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, command(args), { cwd: ROOT, encoding: 'utf8', env: { ...env, INIT_CWD: caller } });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** Starts the command and returns the process, for a test that signals it. */
export function startGradeCli(...args: string[]): ChildProcess {
  return spawn(process.execPath, command(args), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The students a run's log says it graded in a student process (`graded <id>: ...`). */
export function gradedIn(log: string): string[] {
  return [...log.matchAll(/^\[\d+\/\d+\] graded (\S+):/gm)].map((m) => m[1]);
}

/** Starts the command and sends `signal` once `dir` holds at least `count` stored results; resolves when it has exited. */
export function killWhenStored(dir: string, count: number, signal: NodeJS.Signals, ...args: string[]): Promise<CliRun> {
  const child = startGradeCli(...args);
  let err = '';
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const poll = setInterval(() => {
    if ((existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []).length < count) return;
    clearInterval(poll);
    child.kill(signal);
  }, 50);
  return new Promise((resolve) =>
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, out, err });
    }),
  );
}
