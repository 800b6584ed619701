/** The backends this machine can grade on: the release check proves the reference on each. */
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import { nativeTfjsInstalled } from '../run/native-tfjs.ts';

/** cpu and wasm always (both ship with the grader); tensorflow when tfjs-node or tfjs-node-gpu is installed. */
export function availableBackends(): BackendChoice[] {
  return ['cpu', 'wasm', ...(nativeTfjsInstalled() ? (['tensorflow'] as const) : [])];
}
