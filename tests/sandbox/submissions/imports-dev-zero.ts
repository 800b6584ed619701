// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
import zero from '/dev/zero' with { type: 'text' };
export function scale(x, k) {
  return tf.mul(x, zero.length);
}

export function total(x) {
  return tf.sum(x);
}
