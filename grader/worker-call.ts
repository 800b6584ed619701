/** One call to a grader module in a worker thread: its seconds of parsing do not stall the event loop that serves student processes. */
import { Worker } from 'node:worker_threads';
import { bundleEntry } from './bundle-entry.ts';

/** Runs the bundled `entry` (a .ts path from the project root) with `workerData`, and returns the one message it posts. */
export async function callInWorker<T>(entry: string, workerData: unknown): Promise<T> {
  const worker = new Worker(await bundleEntry(entry), { workerData });
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}
