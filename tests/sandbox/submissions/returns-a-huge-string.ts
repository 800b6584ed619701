// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  return 'x'.repeat(70_000_000);
}

export function total(x) {
  return tf.sum(x);
}
