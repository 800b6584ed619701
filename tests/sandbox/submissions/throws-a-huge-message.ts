// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  throw new Error('x'.repeat(20_000_000));
}

export function total(x) {
  return tf.sum(x);
}
