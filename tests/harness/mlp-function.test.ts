import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { makeMlpFunction, type MlpFunction } from '../../harness/child/mlp-function.ts';
import { EncodeError, fromWire, toWire, type MlpFunctionSpec } from '../../harness/protocol/codec.ts';
import type { MlpFunctionValue, WireValue } from '../../harness/protocol/values.ts';
import { validate } from '../../grader/definition/validate.ts';
import { observe } from '../../grader/judge/observed.ts';

tf.enableProdMode();

/** A 3-2-4 MLP: relu after the first layer, linear last layer. */
const spec = (output: MlpFunctionSpec['output']): MlpFunctionSpec<tf.Tensor> => ({
  mlpFunction: {
    W: [tf.tensor2d([1, -1, 0.5, 2, -0.5, 1], [3, 2]), tf.tensor2d([1, 0, -1, 2, 0.5, 1, 1, -2], [2, 4])],
    b: [tf.tensor1d([0.1, -0.2]), tf.tensor1d([0, 1, -1, 0.5])],
  },
  output,
});

const childBuild = (w: WireValue) =>
  fromWire<tf.Tensor, MlpFunction | null>(w, { tensor: (d, s, t) => tf.tensor(d, s, t), rng: () => null, mlpFunction: (W, b, o) => makeMlpFunction(tf, W, b, o), sampler: () => null });

describe("the 'mlp-function' wire value", () => {
  const x = tf.tensor2d([1, 2, 3, -1, 0, 2], [2, 3]);
  const forward = (s: MlpFunctionSpec<tf.Tensor>) => {
    const [W0, W1] = s.mlpFunction.W;
    const [b0, b1] = s.mlpFunction.b;
    return tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, W0), b0)), W1), b1);
  };

  it('is encoded as weights (valid in a fixture) and rebuilt in the student process as x => mlpForward(p, x)', () => {
    const wire = toWire(spec('tensor'));
    expect(wire.kind).toBe('mlp-function');
    const fixture = { schemaVersion: 1, assignment: 'a', part: 'p', case: 'c', spec: { seed: 1, generator: 'g', params: {} }, attempt: 0, rejected: [], args: [wire], expected: { kind: 'null' } };
    expect(() => validate('fixture', fixture, 'f.json')).not.toThrow();
    const fn = childBuild(wire) as (x: tf.Tensor2D) => tf.Tensor;
    expect(typeof fn).toBe('function');
    expect(Object.keys(fn)).toEqual([]);
    expect(fn(x).arraySync()).toEqual(forward(spec('tensor')).arraySync());
  });

  it("a 'gaussian' output splits the 2m columns into {mu, logVar}, and leaves no intermediate tensor behind", () => {
    const fn = childBuild(toWire(spec('gaussian'))) as (x: tf.Tensor2D) => { mu: tf.Tensor; logVar: tf.Tensor };
    const before = tf.memory().numTensors;
    const { mu, logVar } = fn(x);
    expect(tf.memory().numTensors - before).toBe(2);
    const [m, l] = tf.split(forward(spec('gaussian')), 2, 1);
    expect(mu.arraySync()).toEqual(m.arraySync());
    expect(logVar.arraySync()).toEqual(l.arraySync());
  });

  it('is refused as an output: a function never comes back from the student', () => {
    expect(() => observe(toWire(spec('tensor')))).toThrow('an output cannot be a function');
  });

  const asFixture = (wire: WireValue) => ({ schemaVersion: 1, assignment: 'a', part: 'p', case: 'c', spec: { seed: 1, generator: 'g', params: {} }, attempt: 0, rejected: [], args: [wire], expected: { kind: 'null' } });

  it('weights that do not chain as layers are refused when encoded, when validated and when decoded', () => {
    const bad: MlpFunctionSpec<tf.Tensor> = { mlpFunction: { W: [tf.zeros([3, 2]), tf.zeros([3, 4])], b: [tf.zeros([2]), tf.zeros([4])] }, output: 'tensor' };
    expect(() => toWire(bad, 'argument 1')).toThrow(EncodeError);
    expect(() => toWire(bad, 'argument 1')).toThrow('argument 1: layer 1 of an MLP takes 3 inputs, but the layer before gives 2');
    const odd = { ...spec('gaussian'), mlpFunction: { W: [tf.zeros([3, 3])], b: [tf.zeros([3])] } };
    expect(() => toWire(odd)).toThrow('an even number of columns');

    const wire = toWire(spec('tensor')) as MlpFunctionValue;
    const swapped: MlpFunctionValue = { ...wire, b: [wire.b[1], wire.b[0]] };
    expect(() => childBuild(swapped)).toThrow('layer 0 of an MLP has weights [3, 2] and bias [4]');
    expect(() => validate('fixture', asFixture({ ...wire, W: [], b: [] }), 'f.json')).toThrow('f.json: /args/0');
    const many: MlpFunctionValue = { ...wire, W: Array.from({ length: 33 }, () => wire.W[0]), b: Array.from({ length: 33 }, () => wire.b[0]) };
    expect(() => validate('fixture', asFixture(many), 'f.json')).toThrow('f.json: /args/0');
    expect(() => childBuild(many)).toThrow('1 to 32 layers, not 33');
  });

  it('decoding and running it use no Array method that student code may have replaced', () => {
    const wire = toWire(spec('gaussian')) as MlpFunctionValue;
    const seen: unknown[] = [];
    const methods = ['map', 'reduce', 'every', 'forEach', 'slice'] as const;
    const originals = methods.map((m) => Array.prototype[m]);
    methods.forEach((m, i) => {
      const original = originals[i] as (...a: unknown[]) => unknown;
      (Array.prototype as unknown as Record<string, unknown>)[m] = function (this: unknown, ...a: unknown[]) {
        seen.push(this);
        return original.apply(this, a);
      };
    });
    let out: { mu: tf.Tensor; logVar: tf.Tensor };
    try {
      out = (childBuild(wire) as (x: tf.Tensor2D) => { mu: tf.Tensor; logVar: tf.Tensor })(x);
    } finally {
      methods.forEach((m, i) => ((Array.prototype as unknown as Record<string, unknown>)[m] = originals[i]));
    }
    expect(seen).not.toContain(wire.W);
    expect(seen).not.toContain(wire.b);
    expect(out.mu.shape).toEqual([2, 2]);
  });
});
