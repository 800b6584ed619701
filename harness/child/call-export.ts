import type * as tfjs from '@tensorflow/tfjs';
import type { TypedData } from '../protocol/bytes.ts';
import { EncodeError, fromWire, toWire } from '../protocol/codec.ts';
import type { ChildMessage, GraderMessage } from '../protocol/messages.ts';
import type { DType, GaussianMixture } from '../protocol/values.ts';
import type { SubmissionExports } from './load-submission.ts';
import { makeRng } from './rng.ts';
import { makeSampler } from './sampler.ts';

type RunMessage = Extract<GraderMessage, { type: 'run' }>;

/** Thrown in place of `process.exit` so a student's exit costs one case, not the process. */
export class ExitCalledError extends Error {
  readonly code = 'EXIT_CALLED';
}

interface InputSnapshot {
  name: string;
  tensor: tfjs.Tensor;
  bytes: Uint8Array;
}

/** Calls one export on one case's inputs inside a tensor scope, and observes what it did. */
export async function callExport(tf: typeof tfjs, exports: SubmissionExports, msg: RunMessage): Promise<ChildMessage> {
  const { caseKey } = msg;
  const fn = exports[msg.fn];
  if (typeof fn !== 'function') {
    const message = `the submission has no exported function '${msg.fn}' (found: ${Object.keys(exports).join(', ') || 'no exports'})`;
    return { type: 'case-error', caseKey, kind: 'missing-export', message, ms: 0 };
  }
  tf.engine().startScope();
  try {
    const builders = { tensor: (d: TypedData, s: number[], t: DType) => tf.tensor(d, s, t), rng: (seed: number) => makeRng(tf, seed), sampler: (m: GaussianMixture) => makeSampler(tf, m) };
    const args = msg.args.map((a) => fromWire<tfjs.Tensor, unknown>(a, builders));
    const inputs = snapshotInputs(args);
    const before = tf.memory().numTensors;
    const start = performance.now();
    let out: unknown;
    try {
      const call = fn as (...a: unknown[]) => unknown;
      out = msg.observe ? gradientThrough(tf, call, msg.fn, args, msg.observe.wrt) : await call(...args);
    } catch (e) {
      return failure(caseKey, e, performance.now() - start);
    }
    const ms = performance.now() - start;
    const created = tf.memory().numTensors - before;
    const returned = countNewTensors(out, inputs);
    let value;
    try {
      value = toWire(out);
    } catch (e) {
      if (!(e instanceof EncodeError)) throw e;
      return { type: 'case-error', caseKey, kind: 'bad-output', message: e.message, ms };
    }
    return { type: 'result', caseKey, value, ms, leaked: Math.max(0, created - returned), damagedInputs: damaged(inputs, args) };
  } finally {
    tf.engine().endScope();
    tf.disposeVariables();
  }
}

/** The gradient of `fn`'s scalar result with respect to argument `wrt`, taken by tf.grad through the student's own code. */
function gradientThrough(tf: typeof tfjs, fn: (...a: unknown[]) => unknown, name: string, args: unknown[], wrt: number): tfjs.Tensor {
  const x = args[wrt];
  if (!(x instanceof tf.Tensor)) throw new Error(`harness: argument ${wrt + 1} of ${name} is not a tensor, so it has no gradient`);
  return tf.grad((t: tfjs.Tensor) => {
    const y = fn(...args.map((a, i) => (i === wrt ? t : a)));
    if (y instanceof Promise) throw new Error(`${name} returned a Promise: it must return its scalar tensor synchronously, for the grader to differentiate through it with tf.grad`);
    if (!(y instanceof tf.Tensor) || y.rank !== 0) throw new Error(`${name} must return a scalar tensor (tf.Scalar) for tf.grad to differentiate it`);
    return y;
  })(x);
}

function failure(caseKey: string, e: unknown, ms: number): ChildMessage {
  const err = e instanceof Error ? e : new Error(`threw a non-Error value: ${String(e)}`);
  const kind = err instanceof ExitCalledError ? 'exit-called' : /not implemented/i.test(err.message) ? 'not-implemented' : 'threw';
  return { type: 'case-error', caseKey, kind, message: err.message, stack: err.stack, ms };
}

/** Every tensor reachable from the arguments, by where it sits (`argument 2.W`). */
function tensorsIn(args: unknown[]): Map<string, tfjs.Tensor> {
  const out = new Map<string, tfjs.Tensor>();
  const visit = (v: unknown, name: string): void => {
    if (v instanceof Object && 'dataSync' in v && 'isDisposed' in v) out.set(name, v as tfjs.Tensor);
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${name}[${i}]`));
    else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, x] of Object.entries(v)) visit(x, `${name}.${k}`);
    }
  };
  args.forEach((a, i) => visit(a, `argument ${i + 1}`));
  return out;
}

function snapshotInputs(args: unknown[]): InputSnapshot[] {
  return [...tensorsIn(args)].map(([name, tensor]) => {
    const d = tensor.dataSync() as Float32Array;
    return { name, tensor, bytes: new Uint8Array(d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength)) };
  });
}

function countNewTensors(out: unknown, inputs: InputSnapshot[]): number {
  const seen = new Set<unknown>(inputs.map((i) => i.tensor));
  let n = 0;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 32 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if ('dataSync' in v && 'isDisposed' in v) n += (v as tfjs.Tensor).isDisposed ? 0 : 1;
    else Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  visit(out, 0);
  return n;
}

/** Inputs the call disposed, whose values changed, or that it swapped out of their objects. */
function damaged(inputs: InputSnapshot[], args: unknown[]): string[] {
  const now = tensorsIn(args);
  return inputs.flatMap(({ name, tensor, bytes }) => {
    if (now.get(name) !== tensor) return [`${name} (replaced in its object)`];
    if (tensor.isDisposed) return [`${name} (disposed)`];
    const d = tensor.dataSync() as Float32Array;
    return Buffer.from(d.buffer, d.byteOffset, d.byteLength).equals(bytes) ? [] : [`${name} (changed)`];
  });
}
