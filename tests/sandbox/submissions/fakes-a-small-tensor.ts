// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  return { dtype: 'float32', shape: [3], isDisposed: false, dataSync: () => new Float32Array(50_000_000) };
}

export function total(x) {
  return tf.sum(x);
}
