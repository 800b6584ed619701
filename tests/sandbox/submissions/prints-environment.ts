// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  console.log(Object.keys(process.env).sort().join(' '));
  console.log(JSON.stringify(process.env).includes('__SECRET__') ? 'LEAKED' : 'no secret');
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
