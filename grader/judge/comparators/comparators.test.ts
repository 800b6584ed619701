import { describe, expect, it } from 'vitest';
import type { Tolerance } from '../../definition/manifest.ts';
import type { NdArray } from '../observed.ts';
import { comparators } from './index.ts';

const tol: Tolerance = { rtol: 1e-4, atol: 1e-5, why: 'test' };
const f32 = (shape: number[], values: number[]): NdArray => ({ kind: 'ndarray', dtype: 'float32', shape, data: Float32Array.from(values) });
const i32 = (values: number[]): NdArray => ({ kind: 'ndarray', dtype: 'int32', shape: [values.length], data: Int32Array.from(values) });
const judge = (name: string, actual: unknown, expected?: unknown, options = {}) =>
  comparators.get(name)!.judge({ actual: actual as NdArray, expected: expected as NdArray, tolerance: tol, options });

describe('allclose', () => {
  const e = f32([2, 3], [1, 2, 3, 4, 5, 6]);

  it('passes within tolerance and reports the max error', () => {
    const v = judge('allclose', f32([2, 3], [1, 2, 3, 4, 5, 6.00001]), e);
    expect(v.pass).toBe(true);
    expect(v.detail?.maxAbsError).toBeCloseTo(1e-5, 6);
    expect(v.message).toMatch(/max abs error 1\.\d+e-5/);
  });

  it('measures the largest error as a fraction of the tolerance at its element', () => {
    // At 6: allowed 1e-5 * 6 (atol scaled by max|e|) + 1e-4 * 6 = 6.6e-4; an error of 3.3e-4 uses half of it.
    const v = judge('allclose', f32([2, 3], [1, 2, 3, 4, 5, 6 + 3.3e-4]), e);
    expect(v.detail?.toleranceUsed).toBeCloseTo(0.5, 2);
  });

  it('names the worst element, its index, and the errors', () => {
    const v = judge('allclose', f32([2, 3], [1, 2, 3, 4, 5.5, 6]), e);
    expect(v.pass).toBe(false);
    expect(v.message).toBe('1 of 6 values out of tolerance (rtol 0.0001, atol 0.00001); worst at [1, 1]: expected 5, got 5.5 (abs error 0.5, rel error 0.1); max abs error 0.5, max rel error 0.1');
  });

  it.each([
    ['opposite sign', [-1, -2, -3, -4, -5, -6], 'the values have the opposite sign'],
    ['constant factor', [2.5, 5, 7.5, 10, 12.5, 15], 'times 2.5 (a constant factor)'],
    ['sum for a mean', [2, 4, 6, 8, 10, 12], 'times 2 (a factor of 2: a sum where a mean belongs?)'],
    ['mean for a sum', [0.25, 0.5, 0.75, 1, 1.25, 1.5], 'times 0.25 (1/4: a mean where a sum belongs, or a missing factor of 4?)'],
    ['constant offset', [4, 5, 6, 7, 8, 9], 'plus 3 (a constant offset)'],
  ])('hints at %s', (_, values, hint) => {
    expect(judge('allclose', f32([2, 3], values), e).message).toContain(hint);
  });

  it('hints at a transposed square matrix', () => {
    const square = f32([2, 2], [1, 2, 3, 4]);
    expect(judge('allclose', f32([2, 2], [1, 3, 2, 4]), square).detail?.hints).toEqual(['the values are the transpose of the expected matrix']);
  });

  it('hints at a scalar off by 1/n, and says nothing of an arbitrary factor', () => {
    const expected = f32([], [12]);
    expect(judge('allclose', f32([], [2]), expected).message).toContain('(1/6: a mean where a sum belongs');
    expect(judge('allclose', f32([], [12.7]), expected).detail?.hints).toBeUndefined();
  });

  it('gives the worst element as data', () => {
    const v = judge('allclose', f32([2, 3], [1, 2, 3, 4, 5.5, 6]), e);
    expect(v.detail).toMatchObject({ kind: 'values', worstIndex: [1, 1], expectedValue: 5, actualValue: 5.5, outOfTolerance: 1, total: 6, maxAbsError: 0.5 });
  });

  it('spots a transposed shape', () => {
    expect(judge('allclose', f32([3, 2], [1, 4, 2, 5, 3, 6]), e).message).toBe('expected a float32 tensor of shape [2, 3], got a float32 tensor of shape [3, 2] (the transpose of the expected shape)');
  });

  it('checks the dtype before the values', () => {
    expect(judge('allclose', i32([1, 2]), f32([2], [1, 2])).message).toBe("expected a float32 tensor of shape [2], got an int32 tensor of shape [2] (cast with `tf.cast(x, 'float32')`)");
  });

  it('reports NaN where a number was expected', () => {
    const v = judge('allclose', f32([2, 3], [1, 2, NaN, 4, NaN, 6]), e);
    expect(v.message).toBe('at [0, 2]: expected 3, got NaN (2 of 6 values are NaN or infinite)');
  });

  it('accepts matching infinities', () => {
    expect(judge('allclose', f32([2], [Infinity, 1]), f32([2], [Infinity, 1])).pass).toBe(true);
  });

  it('scales atol by the largest expected magnitude', () => {
    expect(judge('allclose', f32([2], [1000, 0.005]), f32([2], [1000, 0])).pass).toBe(true);
    expect(judge('allclose', f32([2], [1, 0.005]), f32([2], [1, 0])).pass).toBe(false);
  });

  it('tells a tensor from an array of numbers', () => {
    expect(judge('allclose', f32([2], [1, 2]), [1, 2]).message).toContain('return a plain array');
  });
});

describe('scalar', () => {
  it('wants a plain number', () => {
    expect(judge('scalar', f32([], [3]), 3).message).toContain('expected a plain number, got a float32 tensor of shape []');
    expect(judge('scalar', 3.00001, 3).pass).toBe(true);
  });
});

describe('equal', () => {
  it('counts differing entries and shows the first', () => {
    expect(judge('equal', i32([0, 1, 1, 2]), i32([0, 1, 2, 0])).message).toBe('2 of 4 entries differ; first at [2]: expected 2, got 1');
  });
  it('wants int32 labels', () => {
    expect(judge('equal', f32([2], [0, 1]), i32([0, 1])).message).toContain("cast with `tf.cast(x, 'int32')`");
  });
});

describe('permutation', () => {
  it('accepts relabelled clusters', () => {
    expect(judge('permutation', i32([2, 2, 0, 1]), i32([0, 0, 1, 2])).pass).toBe(true);
  });
  it('rejects a different partition', () => {
    expect(judge('permutation', i32([2, 2, 2, 1]), i32([0, 0, 1, 2])).pass).toBe(false);
    expect(judge('permutation', i32([0, 1, 2, 2]), i32([0, 0, 1, 2])).pass).toBe(false);
  });
});

describe('nonIncreasing', () => {
  it('passes a decreasing sequence with plateaus', () => {
    expect(judge('nonIncreasing', [5, 4, 4, 1]).pass).toBe(true);
    expect(judge('nonIncreasing', [5, 4, 4, 1]).detail?.toleranceUsed).toBe(0);
    // A rise of 2e-4 at 4, where float noise may rise 1e-5 + 1e-4 * 4 = 4.1e-4.
    expect(judge('nonIncreasing', [5, 4, 4.0002]).detail?.toleranceUsed).toBeCloseTo(0.4878, 3);
  });
  it('names the step that increases', () => {
    expect(judge('nonIncreasing', [5, 4, 4.5, 1]).message).toContain('increases at step 2: 4 -> 4.5');
  });
  it('rejects NaN', () => {
    expect(judge('nonIncreasing', [5, NaN]).pass).toBe(false);
  });
});

describe('subspace', () => {
  const basis = f32([3, 2], [1, 0, 0, 1, 0, 0]);
  it('is invariant to rotation and scaling of the basis', () => {
    const c = Math.SQRT1_2;
    expect(judge('subspace', f32([3, 2], [c, 2 * c, -c, 2 * c, 0, 0]), basis, { max: 1e-6 }).pass).toBe(true);
  });
  it('measures the distance between different subspaces', () => {
    const v = judge('subspace', f32([3, 2], [1, 0, 0, 0, 0, 1]), basis, { max: 0.05 });
    expect(v.pass).toBe(false);
    expect(v.message).toBe('subspace distance 1 > 0.05');
    expect(v.detail?.toleranceUsed).toBeCloseTo(20, 6);
  });
  it('reads rows as the basis with rows: true', () => {
    expect(judge('subspace', f32([2, 3], [0, 1, 0, 1, 0, 0]), f32([2, 3], [1, 0, 0, 0, 1, 0]), { max: 1e-6, rows: true }).pass).toBe(true);
  });
});
