// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
import big from './big.json';
export function scale(x, k) {
  return tf.mul(x, big.length);
}

export function total(x) {
  return tf.sum(x);
}
