// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
const req = process.mainModule.require;

export function scale(x, k) {
  req('node:dgram').createSocket('udp4').send('x', __PORT__, '127.0.0.1');
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
