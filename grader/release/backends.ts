/** The backends this machine can grade on: the release check proves the reference on each. */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import { ROOT } from '../paths.ts';

const isInstalled = (pkg: string): boolean => {
  try {
    createRequire(path.join(ROOT, 'package.json')).resolve(pkg);
    return true;
  } catch {
    return false;
  }
};

/** cpu and wasm always (both ship with the grader); tensorflow when tfjs-node or tfjs-node-gpu is installed. */
export function availableBackends(): BackendChoice[] {
  const native = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'].some(isInstalled);
  return ['cpu', 'wasm', ...(native ? (['tensorflow'] as const) : [])];
}
