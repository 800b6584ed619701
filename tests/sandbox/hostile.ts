import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Assignment } from '../../grader/definition/manifest.ts';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import type { Results } from '../../grader/results/results.ts';

const SUBMISSIONS = path.join(import.meta.dirname, 'submissions');

/** What a hostile submission may aim at, filled into its source's placeholders. */
export interface Targets {
  graderPid: number;
  port: number;
  /** The folder an attack tries to write into; must stay empty. */
  canary: string;
  /** A prefix of the secret put in the grader's environment. */
  secretPrefix: string;
}

/** The files some attacks need beside the submission: a link out of its folder, a FIFO, an oversized file. */
function addProps(name: string, dir: string, a: Assignment): void {
  if (name === 'imports-through-symlink') symlinkSync(path.join(a.solutionDir, a.manifest.entry), path.join(dir, 'linked.ts'));
  if (name === 'imports-fifo') execFileSync('mkfifo', [path.join(dir, 'fifo.ts')]);
  if (name === 'imports-huge-file') writeFileSync(path.join(dir, 'big.json'), `[${'0,'.repeat(1_100_000)}0]`);
}

/** Writes `tests/sandbox/submissions/<name>.ts` into a fresh folder, placeholders filled, and grades it. */
export async function gradeHostile(name: string, a: Assignment, t: Targets, limits: { timeLimitMs?: number; memoryMb?: number } = {}): Promise<Results> {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'tfgrade-hostile-')), name);
  mkdirSync(dir);
  const source = readFileSync(path.join(SUBMISSIONS, `${name}.ts`), 'utf8')
    .replaceAll('__GRADER_PID__', String(t.graderPid))
    .replaceAll('__PORT__', String(t.port))
    .replaceAll('__CANARY__', t.canary)
    .replaceAll('__SECRET__', t.secretPrefix)
    .replaceAll('__SOLUTION__', path.join(a.solutionDir, a.manifest.entry))
    .replaceAll('__FIXTURES__', a.fixturesDir);
  const file = path.join(dir, a.manifest.entry);
  writeFileSync(file, source);
  addProps(name, dir, a);
  // Short limits keep the corpus fast; an attack that needs longer says so.
  return gradeSubmission({ assignment: a, file, backend: 'wasm', memoryMb: limits.memoryMb ?? 1024, timeLimitMs: limits.timeLimitMs ?? 2000 });
}

/** Every case as `part/case: status: message`, paths of this run replaced by placeholders. */
export function caseLines(r: Results, a: Assignment, t: Targets): string[] {
  return r.parts.flatMap((p) => p.cases.map((c) => normalise(`${p.id}/${c.id}: ${c.status}: ${c.message}`, a, t)));
}

export function normalise(s: string, a: Assignment, t: Targets): string {
  return s
    .replaceAll(a.solutionDir, '<solution>')
    .replaceAll(os.tmpdir(), '<tmp>')
    .replaceAll(String(t.graderPid), '<grader-pid>')
    .replace(/tfgrade-hostile-\w+/g, 'tfgrade-hostile-<id>')
    .replace(/\(at solution\.ts:\d+:\d+\)/g, '(at solution.ts:<line>)');
}

/** A loopback TCP listener and a UDP socket on the same port, counting what reaches them. */
export async function loopbackListener(): Promise<{ port: number; received: () => number; close: () => void }> {
  let received = 0;
  const server = net.createServer((s) => {
    received++;
    s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const udp = dgram.createSocket('udp4').on('message', () => received++);
  await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', resolve));
  return { port, received: () => received, close: () => (server.close(), udp.close()) };
}

/** Every file under `dir` (but node_modules and .git) with its size and modification time: what a run must not change. */
export function treeState(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p, { throwIfNoEntry: false });
        out.push(`${p} ${st?.size} ${st?.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}
