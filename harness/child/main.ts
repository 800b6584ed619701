/**
 * The student process: sets the backend, loads one submission, then answers
 * `run` messages one at a time with observations. It never sees expected
 * values; the grader judges. Everything the harness relies on after student
 * code loads (the channel, its token, the observer) is set up before.
 */
import { createRequire } from 'node:module';
import type * as tfjs from '@tensorflow/tfjs';
import { PROTOCOL_VERSION, TEXT_CAPS, type ChildMessage, type GraderMessage } from '../protocol/messages.ts';
import { initBackend } from './backend.ts';
import { callExport, describe, ExitCalledError } from './call-export.ts';
import { captureConsole, takeOutput } from './capture-console.ts';
import { useCompileCache } from './compile-cache.ts';
import { endCase, owningCase, runAsCase, trackTimers } from './case-context.ts';
import { listen, send, setToken } from './channel.ts';
import { confineSignals } from './confine-signals.ts';
import { cutNetwork } from './cut-network.ts';
import { loadSubmission, type SubmissionExports } from './load-submission.ts';
import { makeObserver } from './observe.ts';
import { watchBuiltins } from './watch-builtins.ts';
import { capText, setImmediateOriginal } from './primordials.ts';

type InitMessage = Extract<GraderMessage, { type: 'init' }>;
type RunMessage = Extract<GraderMessage, { type: 'run' }>;

/** The case being answered, and how to end it early when its work throws where no caller catches. */
interface Current {
  key: string;
  fail: (e: unknown) => void;
  error?: unknown;
}

// argv: the bundle, then the code cache's folder when the grader filled one; tfjs is loaded through it.
if (process.argv[2]) useCompileCache(process.argv[2]);
const tf = createRequire(process.argv[1])('@tensorflow/tfjs') as typeof tfjs;
const obs = makeObserver(tf);
let exports: SubmissionExports | undefined;
let current: Current | undefined;
let changedBuiltin: () => string | undefined = () => undefined;

captureConsole();
trackTimers();
process.exit = ((code?: number) => {
  throw new ExitCalledError(`the submission called process.exit(${code ?? ''})`);
}) as typeof process.exit;

/**
 * An error no caller catches belongs to the case whose work threw it (its
 * async context), whenever it surfaces. Installed after the backend: the
 * wasm backend's own handlers rethrow, which would end the process.
 */
function catchStrayErrors(): void {
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.removeAllListeners(event);
    process.on(event, (e: unknown) => {
      const owner = owningCase();
      if (current && owner === current.key) {
        current.error ??= e;
        current.fail(e);
      } else {
        send({ type: 'late-error', caseKey: owner, ...describe(e) });
      }
    });
  }
}

async function init(msg: InitMessage): Promise<void> {
  setToken(msg.token);
  if (msg.protocol !== PROTOCOL_VERSION) {
    send({ type: 'load-error', message: `grader speaks protocol ${msg.protocol}, harness ${PROTOCOL_VERSION}` });
    return;
  }
  try {
    const backend = await initBackend(tf, msg.backend);
    send({ type: 'backend', protocol: PROTOCOL_VERSION, backend: backend.name, backendNote: backend.note });
  } catch (e) {
    send({ type: 'backend-error', message: capText((e as Error).message, TEXT_CAPS.message) });
    return;
  }
  catchStrayErrors();
  cutNetwork();
  confineSignals();
  try {
    exports = loadSubmission(msg.code, msg.entry, tf);
  } catch (e) {
    const { message, stack } = describe(e);
    send({ type: 'load-error', message: capText(`${msg.entry} failed to load: ${message}`, TEXT_CAPS.message), stack });
    return;
  }
  // After loading: what the top level changed is the submission's environment for every case alike.
  changedBuiltin = watchBuiltins([
    ['tf.engine()', tf.engine()],
    ['tf.Tensor.prototype', tf.Tensor.prototype],
  ]);
  send({ type: 'ready' });
}

async function run(msg: RunMessage): Promise<void> {
  if (!exports) throw new Error('run before init');
  let fail: (e: unknown) => void = () => {};
  const failed = new Promise((_, reject) => (fail = reject));
  failed.catch(() => {});
  const here: Current = { key: msg.caseKey, fail };
  current = here;
  const done = exports;
  let reply = await runAsCase(msg.caseKey, () => callExport(tf, obs, done, msg, failed));
  // One turn of the event loop: a rejection this case left unhandled surfaces now, while it is still the case's.
  await new Promise((resolve) => setImmediateOriginal(resolve));
  endCase(msg.caseKey);
  current = undefined;
  if (reply.type === 'result' && here.error !== undefined) {
    const { message, stack } = describe(here.error);
    const late = capText(`work this function left running threw after it returned: ${message}`, TEXT_CAPS.message);
    reply = { type: 'case-error', caseKey: msg.caseKey, kind: 'threw', message: late, stack, ms: reply.ms };
  }
  const output = takeOutput();
  const tampered = changedBuiltin();
  if (reply.type === 'result' || reply.type === 'case-error') reply = { ...reply, ...(output ? { output } : {}), ...(tampered ? { tampered } : {}) };
  send(reply, (bytes) => tooBig(msg.caseKey, bytes));
}

function tooBig(caseKey: string, bytes: number): ChildMessage {
  const message = `the output is ${(bytes / 2 ** 20).toFixed(0)} MB once encoded, more than a result may be`;
  return { type: 'case-error', caseKey, kind: 'bad-output', message, ms: 0 };
}

let queue = Promise.resolve();
listen((msg) => {
  queue = queue
    .then(() => (msg.type === 'init' ? init(msg) : run(msg)))
    .catch((e: unknown) => {
      const message = `the harness failed: ${describe(e).message}`;
      send(msg.type === 'run' ? { type: 'case-error', caseKey: msg.caseKey, kind: 'threw', message, ms: 0 } : { type: 'load-error', message });
    });
});
