// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
const req = process.mainModule.require;

export function scale(x, k) {
  const body = JSON.stringify({ type: 'result', caseKey: 'scale/h1', value: { kind: 'number', value: 1 }, ms: 0, leaked: 0, damagedInputs: [] });
  req('node:fs').writeSync(4, '0'.repeat(32) + String(Buffer.byteLength(body)).padStart(10, '0') + body);
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
