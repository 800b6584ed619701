/**
 * The student process: sets the backend, loads one submission, then answers
 * `run` messages one at a time with observations. It never sees expected
 * values; the grader judges.
 */
import * as tf from '@tensorflow/tfjs';
import { PROTOCOL_VERSION, type ChildMessage, type GraderMessage } from '../protocol/messages.ts';
import { initBackend } from './backend.ts';
import { callExport, ExitCalledError } from './call-export.ts';
import { captureConsole, takeOutput } from './capture-console.ts';
import { loadSubmission, type SubmissionExports } from './load-submission.ts';

let exports: SubmissionExports | undefined;
let current: string | undefined;

function send(msg: ChildMessage): void {
  process.send?.(msg);
}

captureConsole();

process.exit = ((code?: number) => {
  throw new ExitCalledError(`the submission called process.exit(${code ?? ''})`);
}) as typeof process.exit;

// Errors thrown later by the student's own timers or promises belong to the case running now.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (e: unknown) => {
    const message = `uncaught error in the submission: ${e instanceof Error ? e.message : String(e)}`;
    if (current) send({ type: 'case-error', caseKey: current, kind: 'threw', message, ms: 0 });
    else send({ type: 'load-error', message });
  });
}

async function handle(msg: GraderMessage): Promise<void> {
  if (msg.type === 'init') {
    if (msg.protocol !== PROTOCOL_VERSION) {
      send({ type: 'load-error', message: `grader speaks protocol ${msg.protocol}, harness ${PROTOCOL_VERSION}` });
      return;
    }
    let backend;
    try {
      backend = await initBackend(tf, msg.backend);
    } catch (e) {
      send({ type: 'backend-error', message: (e as Error).message });
      return;
    }
    try {
      exports = loadSubmission(msg.code, msg.entry, tf);
    } catch (e) {
      const err = e as Error;
      send({ type: 'load-error', message: `${msg.entry} failed to load: ${err.message}`, stack: err.stack });
      return;
    }
    send({ type: 'ready', protocol: PROTOCOL_VERSION, backend: backend.name, backendNote: backend.note });
    return;
  }
  if (!exports) throw new Error('run before init');
  current = msg.caseKey;
  const reply = await callExport(tf, exports, msg);
  current = undefined;
  const output = takeOutput();
  send(output && (reply.type === 'result' || reply.type === 'case-error') ? { ...reply, output } : reply);
}

let queue = Promise.resolve();
process.on('message', (msg: GraderMessage) => {
  queue = queue.then(() => handle(msg)).catch((e: Error) => send({ type: 'load-error', message: `harness error: ${e.message}`, stack: e.stack }));
});
