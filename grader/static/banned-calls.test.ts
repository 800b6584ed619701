import { describe, expect, it } from 'vitest';
import type { StaticCheckSpec } from '../definition/manifest.ts';
import { findBannedCalls } from './banned-calls.ts';

const rule: StaticCheckSpec = {
  rule: 'bannedCalls',
  functions: ['lossAndGrads'],
  calls: ['tf.grad', 'tf.grads', 'tf.valueAndGrad', 'tf.valueAndGrads', 'tf.variableGrads', 'tf.train.*'],
  reason: 'derive the gradients by hand',
};
const found = (source: string) => findBannedCalls('f.ts', source, [rule]).map((v) => `${v.call.split(' ')[0]}@${v.line}`);

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

  it('follows the names tf is given inside the file', () => {
    const tf = "import * as tf from '@tensorflow/tfjs';\n";
    expect(found(tf + 'const T = tf;\nexport function lossAndGrads(x) { return T.grads((a) => a)([x]); }')).toEqual(['tf.grads@3']);
    expect(found(tf + 'const { grads: g } = tf;\nexport function lossAndGrads(x) { return g((a) => a)([x]); }')).toEqual(['tf.grads@3']);
    expect(found(tf + 'const tr = tf.train;\nexport function lossAndGrads(x) { tr.sgd(0.1); return x; }')).toEqual(['tf.train.sgd@3']);
    expect(found(tf + 'let T;\nT = tf as any;\nexport function lossAndGrads(x) { return T.valueAndGrads((a) => a)([x]); }')).toEqual(['tf.valueAndGrads@4']);
    expect(found("const t = require('@tensorflow/tfjs');\nexport function lossAndGrads(x) { return t.grad((a) => a)(x); }")).toEqual(['tf.grad@2']);
    expect(found(tf + 'let op = tf.add;\nop = tf.grads;\nexport function lossAndGrads(x) { return op((a) => a)([x]); }')).toEqual(['tf.grads@4']);
  });

  it('ends on names that feed themselves', () => {
    const tf = "import * as tf from '@tensorflow/tfjs';\n";
    expect(found(tf + 'let a: any = tf;\nfor (;;) a = a.next;\nexport function lossAndGrads(x) { return a.train.sgd; }')).toEqual(['tf.train.sgd@4']);
  });

  it('counts a computed key or the namespace handed on as a use of everything under it', () => {
    const tf = "import * as tf from '@tensorflow/tfjs';\n";
    expect(found(tf + "const k = 'gr' + 'ads';\nexport function lossAndGrads(x) { return tf[k]((a) => a)([x]); }")).toEqual(['tf[...]@3']);
    expect(found(tf + "export function lossAndGrads(x) { return Reflect.get(tf, 'grads')((a) => a)([x]); }")).toEqual(['tf[...]@2']);
    expect(found(tf + 'const pick = (ns) => ns.grads;\nexport function lossAndGrads(x) { return pick(tf)((a) => a)([x]); }')).toEqual(['tf[...]@3']);
  });

  it('says in words what a computed key may reach', () => {
    const [v] = findBannedCalls('f.ts', "import * as tf from '@tensorflow/tfjs';\nexport function lossAndGrads(x) { const k = 'grads'; return tf[k]; }", [rule]);
    expect(v.call).toBe('tf[...] (a computed key, or tf handed on as a value: it may reach any API under tf)');
  });

  it('looks into classes the function uses', () => {
    const src = "import * as tf from '@tensorflow/tfjs';\nclass Helper {\n  g(x) { return tf.grads((a) => a)([x]); }\n}\nexport function lossAndGrads(x) { return new Helper().g(x); }";
    expect(found(src)).toEqual(['tf.grads@3']);
  });

  it('does not flag ordinary tf code that passes tensors and functions around', () => {
    const src =
      "import * as tf from '@tensorflow/tfjs';\nconst T = tf;\nconst ops = [tf.add, tf.sub];\n" +
      'function helper(a: tf.Tensor, t: typeof tf) { return tf.tidy(() => T.matMul(a, a)); }\n' +
      'export function lossAndGrads(x) { const y = helper(x, undefined as any); return { y, f: ops[0], m: tf.mean(x), s: tf.square }; }';
    expect(found(src)).toEqual([]);
  });
});
