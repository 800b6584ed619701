// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  process.kill(__GRADER_PID__, 'SIGUSR1');
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
