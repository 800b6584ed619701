/** Whether a native TensorFlow.js (tfjs-node-gpu or tfjs-node, an optional dependency) is installed beside the grader. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths.ts';

export function nativeTfjsInstalled(nodeModules = path.join(ROOT, 'node_modules')): boolean {
  return ['tfjs-node-gpu', 'tfjs-node'].some((p) => existsSync(path.join(nodeModules, '@tensorflow', p)));
}
