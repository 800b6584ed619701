import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../harness/child/rng.ts';
import { makeSampler } from '../../harness/child/sampler.ts';
import { fromWire, toWire } from '../../harness/protocol/codec.ts';
import type { GaussianMixture } from '../../harness/protocol/values.ts';

const mixture: GaussianMixture = { means: [[-5], [5]], stds: [0.1, 0.1], weights: [0.25, 0.75] };

describe('the data sampler argument (hw7 sampleData)', () => {
  it('crosses the wire as a sampler spec and is rebuilt by the receiver', () => {
    const wire = toWire({ sampler: mixture });
    expect(wire).toEqual({ kind: 'sampler', mixture });
    const built = fromWire(wire, { tensor: () => 0, rng: () => 'rng', mlpFunction: () => 'mlp', sampler: (m) => `sampler of ${m.weights.length}` });
    expect(built).toBe('sampler of 2');
  });

  it('is copied number by number, not passed through: what crosses is a fresh mixture', () => {
    const wire = toWire({ sampler: mixture });
    expect(wire.kind === 'sampler' && wire.mixture).not.toBe(mixture);
    expect(wire.kind === 'sampler' && wire.mixture.means[0]).not.toBe(mixture.means[0]);
  });

  it.each([
    ['an extra field', { ...mixture, payload: 'x'.repeat(10) }, /output\.sampler has a field 'payload'/],
    ['a string among the means', { ...mixture, means: [[-5], ['5']] }, /output\.sampler\.means\[1\]\[0\] is not a finite number/],
    ['a NaN weight', { ...mixture, weights: [NaN, 1] }, /output\.sampler\.weights\[0\] is not a finite number >= 0/],
    ['a negative std', { ...mixture, stds: [0.1, -1] }, /output\.sampler\.stds\[1\] is not a finite number >= 0/],
    ['fewer weights than components', { ...mixture, weights: [1] }, /means, stds and weights must describe the same components/],
    ['means of different lengths', { ...mixture, means: [[-5], [5, 1]] }, /means, stds and weights must describe the same components/],
    ['not a plain object', new Map(), /output\.sampler is an object of class Map/],
  ])('refuses a sampler spec with %s (student code could dress any object up as one)', (_, bad, message) => {
    expect(() => toWire({ sampler: bad })).toThrow(message);
  });

  it('counts a mixture against the output budget', () => {
    const huge = { means: [Array.from({ length: 10 }, () => 0)], stds: [1], weights: [1] };
    expect(() => toWire({ sampler: huge }, 'output', 0, { elements: 5, bytes: 1 << 20 })).toThrow(/more than 50000000 elements/);
  });

  it('draws [n, dx] from the mixture with the rng it is given: the same rng seed gives the same data', async () => {
    await tf.setBackend('cpu');
    const sample = makeSampler(tf, mixture);
    const [a, b] = [sample(400, makeRng(tf, 3)), sample(400, makeRng(tf, 3))];
    expect(a.shape).toEqual([400, 1]);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    const right = Array.from(a.dataSync()).filter((x) => x > 0).length / 400;
    expect(right).toBeGreaterThan(0.65);
    expect(right).toBeLessThan(0.85);
    tf.dispose([a, b]);
  });

  it('says how to call it when the rng is missing', () => {
    const sample = makeSampler(tf, mixture) as unknown as (n: number) => tf.Tensor;
    expect(() => sample(4)).toThrow(/sampleData\(n, rng\) draws with the Rng it is given/);
  });
});
