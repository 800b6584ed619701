// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
import hidden from '__FIXTURES__/hidden/scale.h1.json';
export function scale(x, k) {
  console.log(JSON.stringify(hidden));
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
