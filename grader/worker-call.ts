/**
 * Grader modules in a worker thread: their seconds of parsing do not stall
 * the event loop that serves student processes, and what they load
 * (ts-morph, TypeScript: ~0.6 s of CPU) is loaded once per process, not once
 * per submission of a batch.
 */
import { Worker } from 'node:worker_threads';
import { bundleEntry } from './bundle-entry.ts';
import type { Answer } from './worker-answers.ts';

interface Running {
  worker: Worker;
  waiting: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
}

const running = new Map<string, Promise<Running>>();
let nextId = 0;

/**
 * Calls the bundled `entry` (a .ts path from the project root; it answers
 * with answerCalls, worker-answers.ts) in its worker, started on first use. The worker keeps
 * the process alive only while a call waits; one that fails or exits fails
 * the calls waiting on it, and the next call starts a new one.
 */
export async function callInWorker<T>(entry: string, request: unknown): Promise<T> {
  if (!running.has(entry)) running.set(entry, start(entry));
  const w = await running.get(entry)!;
  const id = nextId++;
  if (!w.waiting.size) w.worker.ref();
  return new Promise<T>((resolve, reject) => {
    w.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.worker.postMessage({ id, request });
  });
}

async function start(entry: string): Promise<Running> {
  const w: Running = { worker: new Worker(await bundleEntry(entry)), waiting: new Map() };
  w.worker.unref();
  w.worker.on('message', (a: Answer<unknown>) => {
    const call = w.waiting.get(a.id);
    w.waiting.delete(a.id);
    if (!w.waiting.size) w.worker.unref();
    if (a.ok) call?.resolve(a.value);
    else call?.reject(new Error(a.message));
  });
  const fail = (e: Error) => {
    running.delete(entry);
    for (const call of w.waiting.values()) call.reject(e);
    w.waiting.clear();
  };
  w.worker.on('error', fail);
  w.worker.on('exit', (code) => fail(new Error(`the worker for ${entry} exited with code ${code}`)));
  return w;
}
