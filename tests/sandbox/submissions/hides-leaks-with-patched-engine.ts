// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  for (let i = 0; i < 5; i++) tf.add(x, i);
  tf.engine().memory = () => ({ numTensors: 0 });
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
