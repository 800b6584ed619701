// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
const req = process.mainModule.require;
const body = JSON.stringify({ type: 'backend-error', message: 'no backend' });
req('node:fs').writeSync(4, '0'.repeat(32) + String(Buffer.byteLength(body)).padStart(10, '0') + body);
export function scale(x, k) {
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
