import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { PROTOCOL_VERSION, type BackendChoice, type CaseErrorKind, type ChildMessage, type Observation } from '../../harness/protocol/messages.ts';
import type { WireValue } from '../../harness/protocol/values.ts';
import path from 'node:path';
import { ROOT } from '../paths.ts';
import { validate } from '../definition/validate.ts';
import { bundleEntry } from '../bundle-entry.ts';

/** What one call into student code came to, seen from the grader. */
export type Outcome =
  | { kind: 'result'; value: WireValue; ms: number; leaked: number; damagedInputs: string[]; output?: string }
  | { kind: 'case-error'; errorKind: CaseErrorKind; message: string; stack?: string; ms: number; output?: string }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'crashed'; message: string }
  | { kind: 'load-error'; message: string; stack?: string };

export interface ProcessOptions {
  backend: BackendChoice;
  code: string;
  entry: string;
  /** Cap on both the JS heap and resident memory: the heap cap alone does not bound tensors or wasm memory. */
  memoryMb: number;
}

/** The backend asked for cannot start: a usage error, not the student's fault. */
export class BackendError extends Error {
  readonly code = 'BACKEND';
}

/** Loading (tfjs, the backend, the submission's top level) gets this long, or the case limit if longer. */
const MIN_LOAD_LIMIT_MS = 10_000;
const OUTPUT_TAIL = 2000;
const RSS_POLL_MS = 50;

/** One student process: started, asked to run cases one at a time, killed when done or misbehaving. */
export class StudentProcess {
  backend = '';
  backendNote?: string;
  private child: ChildProcess;
  private output = '';
  private pending?: (m: ChildMessage | { type: 'exit'; reason: string }) => void;
  private exited?: string;
  private watchdog: NodeJS.Timeout;

  private constructor(bundle: string, private opts: ProcessOptions) {
    this.child = fork(bundle, [], {
      execArgv: [`--max-old-space-size=${opts.memoryMb}`, ...sandboxFlags(opts.backend)],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const keep = (d: Buffer) => (this.output = (this.output + d.toString()).slice(-OUTPUT_TAIL));
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('message', (m: unknown) => this.receive(m));
    this.child.on('exit', (code, signal) => {
      const oom = /heap out of memory|Reached heap limit/.test(this.output);
      this.exited ??= oom ? `ran out of memory (heap limit ${opts.memoryMb} MB)` : signal ? `was killed by ${signal}` : `exited with code ${code}`;
      clearInterval(this.watchdog);
      this.pending?.({ type: 'exit', reason: this.exited });
    });
    this.watchdog = setInterval(() => this.checkMemory(), RSS_POLL_MS);
  }

  /** Starts a process, sets its backend and loads the submission; a load failure comes back as an outcome. */
  static async start(opts: ProcessOptions, caseLimitMs: number): Promise<{ proc: StudentProcess; loadError?: Outcome }> {
    // Plain node, no TypeScript loader: ~0.4 s less per student process.
    const proc = new StudentProcess(await bundleEntry('harness/child/main.ts'), opts);
    const limitMs = Math.max(MIN_LOAD_LIMIT_MS, caseLimitMs);
    const reply = await proc.exchange({ type: 'init', protocol: PROTOCOL_VERSION, backend: opts.backend, code: opts.code, entry: opts.entry }, limitMs);
    if (reply.type === 'ready') {
      proc.backend = reply.backend;
      proc.backendNote = reply.backendNote;
      return { proc };
    }
    proc.kill();
    if (reply.type === 'backend-error') throw new BackendError(`backend '${opts.backend}' is unavailable: ${reply.message} (try --backend wasm)`);
    if (reply.type === 'load-error') return { proc, loadError: { kind: 'load-error', message: reply.message, stack: reply.stack } };
    const why = reply.type === 'exit' ? `the student process ${reply.reason} while loading ${opts.entry}` : `${opts.entry} did not finish loading within ${limitMs / 1000} s (a loop at its top level?)`;
    return { proc, loadError: { kind: 'load-error', message: this.withOutput(why, proc.output) } };
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  /** Runs one case; a hang or a crash kills the process, and the caller starts a fresh one. */
  async run(caseKey: string, fn: string, args: WireValue[], limitMs: number, observe?: Observation): Promise<Outcome> {
    const reply = await this.exchange({ type: 'run', caseKey, fn, args, observe }, limitMs);
    if (reply.type === 'result' && reply.caseKey === caseKey) {
      return { kind: 'result', value: reply.value, ms: reply.ms, leaked: reply.leaked, damagedInputs: reply.damagedInputs, output: reply.output };
    }
    if (reply.type === 'case-error' && reply.caseKey === caseKey) {
      return { kind: 'case-error', errorKind: reply.kind, message: reply.message, stack: reply.stack, ms: reply.ms, output: reply.output };
    }
    this.kill();
    if (reply.type === 'timeout') return { kind: 'timeout', limitMs };
    const reason = reply.type === 'exit' ? reply.reason : `sent an unexpected '${reply.type}' message`;
    return { kind: 'crashed', message: StudentProcess.withOutput(`the student process ${reason} during this case`, this.output) };
  }

  kill(): void {
    clearInterval(this.watchdog);
    this.exited ??= 'was stopped by the grader';
    if (this.child.pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
  }

  private exchange(msg: object, limitMs: number): Promise<ChildMessage | { type: 'exit'; reason: string } | { type: 'timeout' }> {
    if (this.exited) return Promise.resolve({ type: 'exit', reason: this.exited });
    this.output = '';
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle({ type: 'timeout' }), limitMs);
      const settle = (m: ChildMessage | { type: 'exit'; reason: string } | { type: 'timeout' }) => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve(m);
      };
      this.pending = settle;
      this.child.send(msg);
    });
  }

  /** Student code can call process.send too: a message that is not well-formed stops the process. */
  private receive(m: unknown): void {
    if (this.exited) return; // a process being stopped has nothing more to say
    let msg: ChildMessage;
    try {
      msg = validate<ChildMessage>('child-message', m, 'message from the student process');
    } catch (e) {
      this.exited = `sent a malformed message (${(e as Error).message})`;
      this.kill();
      this.pending?.({ type: 'exit', reason: this.exited });
      return;
    }
    this.pending?.(msg);
  }

  private checkMemory(): void {
    const rssKb = readRssKb(this.child.pid);
    if (rssKb !== undefined && rssKb > this.opts.memoryMb * 1024) {
      this.exited = `used more than ${this.opts.memoryMb} MB of memory and was stopped`;
      this.kill();
    }
  }

  private static withOutput(message: string, output: string): string {
    const tail = output.trim();
    return tail ? `${message}; its last output:\n${tail}` : message;
  }
}

/**
 * Node's permission model: the student process may read node_modules (tfjs
 * and the harness bundle) and nothing else: no fixtures, no other
 * submissions, no writes, no child processes. It also blocks native addons,
 * so it is left off when tfjs-node may be loaded.
 */
function sandboxFlags(backend: BackendChoice): string[] {
  const native = ['tfjs-node', 'tfjs-node-gpu'].some((p) => existsSync(path.join(ROOT, 'node_modules', '@tensorflow', p)));
  if (backend === 'tensorflow' || (backend === 'auto' && native)) return [];
  return ['--experimental-permission', '--disable-warning=ExperimentalWarning', `--allow-fs-read=${path.join(ROOT, 'node_modules')}`];
}

function readRssKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
