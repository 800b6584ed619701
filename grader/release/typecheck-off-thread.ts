/** Type-checking a stub without stalling the grader: its event loop serves the student processes of gradings running beside it. */
import { Worker } from 'node:worker_threads';
import { bundleEntry } from '../bundle-entry.ts';

/** `typeErrors` in a worker thread, so the grader's event loop keeps serving the student processes of other checks. */
export async function typeErrorsOffThread(file: string): Promise<string[]> {
  const worker = new Worker(await bundleEntry('grader/release/typecheck-worker.ts'), { workerData: { file } });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}
