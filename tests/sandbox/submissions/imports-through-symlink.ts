// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
export { scale } from './linked.ts';

export function total(x) {
  return tf.sum(x);
}
