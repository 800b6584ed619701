// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  const y = tf.mul(x, k);
  x.dispose();
  Object.defineProperty(tf.Tensor.prototype, 'isDisposed', { get() { return false; } });
  return y;
}

export function total(x) {
  return tf.sum(x);
}
