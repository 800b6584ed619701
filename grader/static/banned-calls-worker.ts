/** Worker thread entry: runs the banned-call rules off the grader's main thread (ts-morph takes ~1 s to load). */
import { parentPort, workerData } from 'node:worker_threads';
import type { StaticCheckSpec } from '../definition/manifest.ts';
import { findBannedCalls } from './banned-calls.ts';

const { fileName, source, rules } = workerData as { fileName: string; source: string; rules: StaticCheckSpec[] };
parentPort!.postMessage(findBannedCalls(fileName, source, rules));
