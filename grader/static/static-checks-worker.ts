/** Worker thread entry: runs the static rules off the grader's main thread (ts-morph takes ~1 s to load). */
import { parentPort, workerData } from 'node:worker_threads';
import type { StaticCheckSpec } from '../definition/manifest.ts';
import { staticRules } from './rules.ts';

const { fileName, source, rules } = workerData as { fileName: string; source: string; rules: StaticCheckSpec[] };
// Rule names were resolved when the assignment loaded.
parentPort!.postMessage(rules.flatMap((spec) => staticRules.get(spec.rule)!.run(fileName, source, spec)));
