// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  new (process.stdout.constructor)().connect(__PORT__, '127.0.0.1');
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
