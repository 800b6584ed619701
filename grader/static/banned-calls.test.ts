import { describe, expect, it } from 'vitest';
import type { StaticCheckSpec } from '../definition/manifest.ts';
import { findBannedCalls } from './banned-calls.ts';

const rule: StaticCheckSpec = {
  rule: 'bannedCalls',
  functions: ['lossAndGrads'],
  calls: ['tf.grad', 'tf.grads', 'tf.valueAndGrad', 'tf.valueAndGrads', 'tf.variableGrads', 'tf.train.*'],
  reason: 'derive the gradients by hand',
};
const found = (source: string) => findBannedCalls('f.ts', source, [rule]).map((v) => `${v.call}@${v.line}`);

describe('banned calls', () => {
  it('finds tf.grads in the named function, with its line', () => {
    expect(found("import * as tf from '@tensorflow/tfjs';\nexport function lossAndGrads(x) {\n  return tf.grads((a) => a)([x]);\n}")).toEqual(['tf.grads@3']);
  });

  it('ignores the same call in other functions', () => {
    expect(found("import * as tf from '@tensorflow/tfjs';\nexport function check(x) { return tf.grad((a) => a)(x); }\nexport function lossAndGrads(x) { return x; }")).toEqual([]);
  });

  it('follows helpers the function calls', () => {
    const src = "import * as tf from '@tensorflow/tfjs';\nconst helper = (f) => tf.valueAndGrads(f);\nexport function lossAndGrads(x) { return helper(x); }";
    expect(found(src)).toEqual(['tf.valueAndGrads@2']);
  });

  it('sees through renamed namespaces, named imports and element access', () => {
    expect(found("import * as T from '@tensorflow/tfjs';\nexport const lossAndGrads = (x) => T.grad((a) => a)(x);")).toEqual(['tf.grad@2']);
    expect(found("import { grads as g } from '@tensorflow/tfjs';\nexport function lossAndGrads(x) { return g((a) => a)([x]); }")).toEqual(['tf.grads@2']);
    expect(found("import * as tf from '@tensorflow/tfjs';\nexport function lossAndGrads(x) { return tf['grad']((a) => a)(x); }")).toEqual(['tf.grad@2']);
  });

  it('matches a whole namespace with .*', () => {
    expect(found("import * as tf from '@tensorflow/tfjs';\nexport function lossAndGrads(x) { const o = tf.train.adam(0.1); return x; }")).toEqual(['tf.train.adam@2']);
  });

  it('does not confuse tf.grad with a longer name', () => {
    expect(found("import * as tf from '@tensorflow/tfjs';\nexport function lossAndGrads(x) { return tf.gradient ?? x; }")).toEqual([]);
  });
});
