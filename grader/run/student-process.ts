import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { FrameError, FrameReader, frameHeader, GRADER_TOKEN } from '../../harness/protocol/frame.ts';
import { PROTOCOL_VERSION, type BackendChoice, type CaseErrorKind, type ChildMessage, type GraderMessage, type Observation } from '../../harness/protocol/messages.ts';
import type { WireValue } from '../../harness/protocol/values.ts';
import { bundleEntry } from '../bundle-entry.ts';
import { GraderError } from '../errors.ts';
import { validate } from '../definition/validate.ts';
import { ROOT } from '../paths.ts';
import { refuseInspectorSignal } from './inspector-signal.ts';
import { compileCacheFor } from './compile-cache.ts';
import { memoryCgroup } from './memory-cgroup.ts';
import { killTree, treePeakRssKb, treeRssKb } from './process-tree.ts';
import { nativeTfjsInstalled } from './native-tfjs.ts';
import { sandbox, studentEnv } from './sandbox.ts';

/** What one call into student code came to, seen from the grader. */
export type Outcome =
  | { kind: 'result'; value: WireValue; ms: number; leaked: number; damagedInputs: string[]; output?: string }
  | { kind: 'case-error'; errorKind: CaseErrorKind; message: string; stack?: string; ms: number; output?: string }
  /** `after` a timeout of the same function: run under a short limit, or not run at all after two. */
  | { kind: 'timeout'; limitMs: number; after?: 'short-limit' | 'not-run' }
  | { kind: 'crashed'; message: string }
  | { kind: 'load-error'; message: string; stack?: string };

export interface ProcessOptions {
  backend: BackendChoice;
  code: string;
  entry: string;
  /** Cap on both the JS heap and resident memory: the heap cap alone does not bound tensors or wasm memory. */
  memoryMb: number;
}

/** An error that work of an earlier case threw after that case was answered (or that code run at load time threw). */
export interface LateError {
  caseKey?: string;
  message: string;
  stack?: string;
}

type Reply = ChildMessage | { type: 'exit'; reason: string } | { type: 'timeout' };

/** Loading (tfjs, the backend, the submission's top level) gets this long, or the case limit if longer. */
const MIN_LOAD_LIMIT_MS = 10_000;
const OUTPUT_TAIL = 2000;
const RSS_POLL_MS = 50;

/** One student process: started in the machine's sandbox, asked to run cases one at a time, killed when done or misbehaving. */
export class StudentProcess {
  backend = '';
  backendNote?: string;
  private child: ChildProcess;
  private toChild: Writable;
  private output = '';
  private pending?: (m: Reply) => void;
  private exited?: string;
  private watchdog: NodeJS.Timeout;
  private late: LateError[] = [];
  /** Why this process was stopped after a case that changed a shared built-in, for the report. */
  tampered?: string;
  /** Messages that arrived while nothing waited (two frames can come in one read). */
  private inbox: ChildMessage[] = [];

  private constructor(
    bundle: string,
    codeCache: string | undefined,
    private opts: ProcessOptions,
    token: string,
  ) {
    refuseInspectorSignal();
    // Node's permission model denies a link on the way (a course copy sharing one node_modules): use real paths.
    const nodeModules = realpathSync(path.join(ROOT, 'node_modules'));
    const cmd = sandbox().command([...v8Flags(opts), ...permissionFlags(opts.backend, nodeModules), bundle, ...(codeCache ? [codeCache] : [])], [nodeModules]);
    const cgroup = memoryCgroup(opts.memoryMb);
    const [file, ...args] = [...(cgroup?.prefix ?? []), cmd.file, ...cmd.args];
    this.child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'], detached: true, env: studentEnv() });
    const keep = (d: Buffer) => (this.output = (this.output + d.toString()).slice(-OUTPUT_TAIL));
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.toChild = this.child.stdio[3] as Writable;
    this.toChild.on('error', () => {}); // a dead child's pipe; its exit is reported below
    const reader = new FrameReader(token);
    (this.child.stdio[4] as Readable).on('data', (chunk: Buffer) => this.receive(reader, chunk));
    this.child.on('exit', (code, signal) => {
      const oom = /heap out of memory|Reached heap limit/.test(this.output);
      const capped = cgroup?.killedForMemory() ? `used more than ${opts.memoryMb} MB of memory and was stopped` : undefined;
      cgroup?.remove();
      this.exited ??= oom ? `ran out of memory (heap limit ${opts.memoryMb} MB)` : (capped ?? describeExit(code, signal));
      clearInterval(this.watchdog);
      this.pending?.({ type: 'exit', reason: this.exited });
    });
    this.watchdog = setInterval(() => this.checkMemory(), RSS_POLL_MS);
  }

  /** Starts a process, sets its backend and loads the submission; a load failure comes back as an outcome. */
  static async start(opts: ProcessOptions, caseLimitMs: number): Promise<{ proc: StudentProcess; loadError?: Outcome }> {
    const token = randomBytes(16).toString('hex');
    // Plain node, no TypeScript loader: ~0.4 s less per student process.
    const [bundle, codeCache] = await Promise.all([bundleEntry('harness/child/main.ts'), compileCacheFor(v8Flags(opts))]);
    const proc = new StudentProcess(realpathSync(bundle), codeCache, opts, token);
    const limitMs = Math.max(MIN_LOAD_LIMIT_MS, caseLimitMs);
    const init: GraderMessage = { type: 'init', protocol: PROTOCOL_VERSION, token, backend: opts.backend, code: opts.code, entry: opts.entry };
    // A backend failure is believed only before student code loads: after that, student code could claim one.
    const first = await proc.exchange(init, limitMs);
    if (first.type === 'backend-error') {
      proc.kill();
      throw new GraderError('BACKEND', `backend '${opts.backend}' is unavailable: ${first.message} (try --backend wasm)`);
    }
    if (first.type === 'backend') {
      proc.backend = first.backend;
      proc.backendNote = first.backendNote;
      const second = await proc.exchange(undefined, limitMs);
      if (second.type === 'ready') return { proc };
      return { proc, loadError: proc.loadFailure(second, limitMs) };
    }
    return { proc, loadError: proc.loadFailure(first, limitMs) };
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  /** Errors that work of earlier cases threw after they were answered, since the last call. */
  takeLateErrors(): LateError[] {
    const out = this.late;
    this.late = [];
    return out;
  }

  /** Runs one case; a hang or a crash kills the process, and the caller starts a fresh one. */
  async run(caseKey: string, fn: string, args: WireValue[], limitMs: number, observe?: Observation): Promise<Outcome> {
    const reply = await this.exchange({ type: 'run', caseKey, fn, args, ...(observe ? { observe } : {}) }, limitMs);
    if ((reply.type === 'result' || reply.type === 'case-error') && reply.tampered) {
      // Later cases, of innocent parts too, would run on the changed built-in.
      this.tampered = `${caseKey} replaced ${reply.tampered}, which every case shares: the cases after it ran in a fresh process.`;
      this.kill();
    }
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

  /** The most resident memory the process has held so far (VmHWM), in MB; 0 once it is gone. */
  peakRssMb(): number {
    return (this.child.pid === undefined ? 0 : (treePeakRssKb(this.child.pid) ?? 0)) / 1024;
  }

  kill(): void {
    clearInterval(this.watchdog);
    this.exited ??= 'was stopped by the grader';
    if (this.child.pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null) return;
    killTree(this.child.pid);
  }

  private loadFailure(reply: Reply, limitMs: number): Outcome {
    this.kill();
    if (reply.type === 'load-error') return { kind: 'load-error', message: reply.message, stack: reply.stack };
    const why =
      reply.type === 'exit'
        ? `the student process ${reply.reason} while loading ${this.opts.entry}`
        : reply.type === 'timeout'
          ? `${this.opts.entry} did not finish loading within ${limitMs / 1000} s (a loop at its top level?)`
          : `the student process sent an unexpected '${reply.type}' message while loading ${this.opts.entry}`;
    return { kind: 'load-error', message: StudentProcess.withOutput(why, this.output) };
  }

  /** Sends `msg` (if any) and waits for the next message, the process's exit, or the time limit. */
  private exchange(msg: GraderMessage | undefined, limitMs: number): Promise<Reply> {
    if (this.exited) return Promise.resolve({ type: 'exit', reason: this.exited });
    this.output = '';
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle({ type: 'timeout' }), limitMs);
      const settle = (m: Reply) => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve(m);
      };
      this.pending = settle;
      const waiting = this.inbox.shift();
      if (waiting) settle(waiting);
      if (msg) {
        const body = JSON.stringify(msg);
        this.toChild.write(frameHeader(GRADER_TOKEN, Buffer.byteLength(body)) + body);
      }
    });
  }

  /** Everything that arrives is untrusted: a frame without the token, too big, not JSON or not a valid message stops the process. */
  private receive(reader: FrameReader, chunk: Buffer): void {
    if (this.exited) return; // a process being stopped has nothing more to say
    try {
      for (const body of reader.push(chunk)) {
        const msg = validate('child-message', JSON.parse(body), 'message from the student process');
        if (msg.type === 'late-error') this.late.push({ caseKey: msg.caseKey, message: msg.message, stack: msg.stack });
        else if (this.pending) this.pending(msg);
        else this.inbox.push(msg);
      }
    } catch (e) {
      const why = e instanceof FrameError ? e.message : `a malformed message (${(e as Error).message})`;
      this.exited = `sent ${why}`;
      this.kill();
      this.pending?.({ type: 'exit', reason: this.exited });
    }
  }

  private checkMemory(): void {
    const rssKb = this.child.pid === undefined ? undefined : treeRssKb(this.child.pid);
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

/** V8's own flags, which a code cache must have been made with to be used. */
function v8Flags(opts: ProcessOptions): string[] {
  return [`--max-old-space-size=${opts.memoryMb}`];
}

/**
 * Node's permission model, in every layer: the student process may read
 * node_modules (tfjs and the harness bundle) and nothing else: no fixtures,
 * no other submissions, no writes, no child processes, no workers, no
 * inspector. Native addons are allowed only where tfjs-node may load.
 */
function permissionFlags(backend: BackendChoice, nodeModules: string): string[] {
  const addons = backend === 'tensorflow' || (backend === 'auto' && nativeTfjsInstalled(nodeModules)) ? ['--allow-addons'] : [];
  return ['--experimental-permission', '--disable-warning=ExperimentalWarning', `--allow-fs-read=${nodeModules}`, ...addons];
}

/** A sandbox launcher reports its child's death by a signal as exit code 128 + the signal's number. */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  const bySignal = signal ?? (code !== null && code > 128 ? Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0] : undefined);
  return bySignal ? `was killed by ${bySignal}` : `exited with code ${code}`;
}
