/** Worker thread entry: type-checks one file off the main thread (a few seconds that would stall the gradings running beside it). */
import { parentPort, workerData } from 'node:worker_threads';
import { typeErrors } from './typecheck-file.ts';

parentPort!.postMessage(typeErrors((workerData as { file: string }).file));
