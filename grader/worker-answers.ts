/** The worker's side of worker-call.ts: nothing here may need the grader's paths, as a worker's bundle has no import.meta. */
import { parentPort } from 'node:worker_threads';

export type Answer<T> = { id: number; ok: true; value: T } | { id: number; ok: false; message: string };

/** The worker's side: answers each call with `handle`'s result, or the message of what it threw. */
export function answerCalls<Req, Res>(handle: (request: Req) => Res | Promise<Res>): void {
  parentPort!.on('message', async ({ id, request }: { id: number; request: Req }) => {
    try {
      parentPort!.postMessage({ id, ok: true, value: await handle(request) } satisfies Answer<Res>);
    } catch (e) {
      parentPort!.postMessage({ id, ok: false, message: (e as Error).message } satisfies Answer<Res>);
    }
  });
}
