import type * as tfjs from '@tensorflow/tfjs';
import { EncodeError, fromWire, toWire } from '../protocol/codec.ts';
import { TEXT_CAPS, type ChildMessage, type GraderMessage } from '../protocol/messages.ts';
import type { SubmissionExports } from './load-submission.ts';
import { makeMlpFunction, type MlpFunction } from './mlp-function.ts';
import type { Located, Observer } from './observe.ts';
import { capText, ObjectGetPrototypeOf, performanceNow, PromisePrototype, ReflectApply } from './primordials.ts';
import { makeRng, type Rng } from './rng.ts';
import { makeSampler } from './sampler.ts';

type RunMessage = Extract<GraderMessage, { type: 'run' }>;

/** An input tensor, where it sits among the arguments, and its values before the call. */
interface Input extends Located {
  before: ArrayLike<number>;
}

/** Thrown in place of `process.exit` so a student's exit costs one case, not the process. */
export class ExitCalledError extends Error {
  readonly code = 'EXIT_CALLED';
}

/**
 * Calls one export on one case's inputs inside a tensor scope, and observes
 * what it did. `failed` settles when work of this case throws where no
 * caller can catch it (a timer, an unhandled rejection): the case ends there.
 */
export async function callExport(tf: typeof tfjs, obs: Observer, exports: SubmissionExports, msg: RunMessage, failed: Promise<unknown>): Promise<ChildMessage> {
  const { caseKey } = msg;
  const fn = exports[msg.fn];
  if (typeof fn !== 'function') {
    const message = `the submission has no exported function '${msg.fn}'`;
    return { type: 'case-error', caseKey, kind: 'missing-export', message, ms: 0 };
  }
  obs.startScope();
  try {
    // Loops, not Array methods: student code may have replaced those (see primordials.ts).
    const args: unknown[] = [];
    for (let i = 0; i < msg.args.length; i++) {
      args[i] = fromWire<tfjs.Tensor, Rng | MlpFunction | ReturnType<typeof makeSampler>>(msg.args[i], {
        tensor: (d, s, t) => tf.tensor(d, s, t),
        rng: (seed) => makeRng(tf, seed),
        mlpFunction: (W, b, output) => makeMlpFunction(tf, W, b, output),
        sampler: (m) => makeSampler(tf, m),
      });
    }
    const located = obs.tensorsIn(args);
    const inputs: Input[] = [];
    for (let i = 0; i < located.length; i++) inputs[i] = { ...located[i], before: obs.snapshot(located[i].tensor) };
    const inputTensors: unknown[] = [];
    for (let i = 0; i < inputs.length; i++) inputTensors[i] = inputs[i].tensor;
    const before = obs.numTensors();
    const start = performanceNow();
    let out: unknown;
    try {
      const call = fn as (...a: unknown[]) => unknown;
      const observe = msg.observe;
      out = await new Promise((resolve, reject) => {
        failed.then(reject, reject);
        (async () => (observe ? gradientThrough(obs, call, msg.fn, args, observe.wrt) : call(...args)))().then(resolve, reject);
      });
    } catch (e) {
      return failure(caseKey, e, performanceNow() - start);
    }
    const ms = performanceNow() - start;
    const returned = obs.countNew(out, inputTensors);
    const leaked = Math.max(0, obs.numTensors() - before - returned);
    let value;
    try {
      value = toWire(out);
    } catch (e) {
      if (!(e instanceof EncodeError)) throw e;
      return { type: 'case-error', caseKey, kind: 'bad-output', message: capText(e.message, TEXT_CAPS.message), ms };
    }
    return { type: 'result', caseKey, value, ms, leaked, damagedInputs: damaged(obs, inputs, args) };
  } finally {
    obs.endScope();
    obs.disposeVariables();
  }
}

/**
 * The gradient of `fn`'s scalar result with respect to argument `wrt`, taken
 * through the student's own code by the tf.grad captured before it loaded.
 */
function gradientThrough(obs: Observer, fn: (...a: unknown[]) => unknown, name: string, args: unknown[], wrt: number): tfjs.Tensor {
  const x = args[wrt];
  if (!obs.isTensor(x)) throw new Error(`harness: argument ${wrt + 1} of ${name} is not a tensor, so it has no gradient`);
  return obs.grad((t) => {
    const withT: unknown[] = [];
    for (let i = 0; i < args.length; i++) withT[i] = i === wrt ? t : args[i];
    const y = ReflectApply(fn, undefined, withT);
    if (y !== null && typeof y === 'object' && ObjectGetPrototypeOf(y) === PromisePrototype) {
      throw new Error(`${name} returned a Promise: it must return its scalar tensor synchronously, for the grader to differentiate through it with tf.grad`);
    }
    if (!obs.isTensor(y) || obs.rank(y) !== 0) throw new Error(`${name} must return a scalar tensor (tf.Scalar) for tf.grad to differentiate it`);
    return y;
  }, x);
}

function failure(caseKey: string, e: unknown, ms: number): ChildMessage {
  const { message, stack } = describe(e);
  const kind = e instanceof ExitCalledError ? 'exit-called' : /not implemented/i.test(message) ? 'not-implemented' : 'threw';
  return { type: 'case-error', caseKey, kind, message, stack, ms };
}

/** An error's message and stack, capped; reading them may run student code (getters), which must not take the harness down. */
export function describe(e: unknown): { message: string; stack?: string } {
  try {
    const isError = e instanceof Error;
    const raw = isError ? String(e.message) : `a non-Error value (${String(e)})`;
    const message = capText(raw, TEXT_CAPS.message);
    // A stack starts with the message: cut it there too, or a long message would push the location out of the cap.
    const stack = isError && typeof e.stack === 'string' ? capText(message === raw ? e.stack : e.stack.replace(raw, message), TEXT_CAPS.stack) : undefined;
    return { message, stack };
  } catch {
    return { message: 'threw a value that cannot be described' };
  }
}

/** Inputs the call disposed, whose values changed, or that it swapped out of their objects. */
function damaged(obs: Observer, inputs: Input[], args: unknown[]): string[] {
  const now = obs.tensorsIn(args);
  const out: string[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const { name, tensor, before } = inputs[i];
    let there = false;
    for (let j = 0; j < now.length; j++) if (now[j].name === name && now[j].tensor === tensor) there = true;
    if (!there) out[out.length] = `${name} (replaced in its object)`;
    else if (obs.disposed(tensor)) out[out.length] = `${name} (disposed)`;
    else if (!obs.same(tensor, before)) out[out.length] = `${name} (changed)`;
  }
  return out;
}
