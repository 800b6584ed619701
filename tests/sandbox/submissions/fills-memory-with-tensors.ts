// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  const keep = [];
  for (;;) keep.push(tf.ones([50_000_000]).add(1));
}

export function total(x) {
  return tf.sum(x);
}
