// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  setInterval(() => {
    console.log('from scale');
    throw new Error('timer of scale');
  }, 50);
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
