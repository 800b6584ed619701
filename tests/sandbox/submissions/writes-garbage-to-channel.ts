// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
const req = process.mainModule.require;

export function scale(x, k) {
  req('node:fs').writeSync(4, 'garbage\n'.repeat(100));
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
