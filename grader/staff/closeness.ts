/** Tensor closeness for staff code, by the grader's own rule, so a property or diagnosis agrees with the checks. */
import type * as tfjs from '@tensorflow/tfjs';
import { toWire } from '../../harness/protocol/codec.ts';
import type { Tolerance } from '../definition/manifest.ts';
import { withinTolerance } from '../judge/comparators/allclose.ts';
import { asNumeric } from '../judge/numeric.ts';
import { observe } from '../judge/observed.ts';

/** A tensor, a number or an array of numbers, as staff code holds them. */
export type Numberish = tfjs.Tensor | number | number[];

const numeric = (x: Numberish) => asNumeric(observe(toWire(x)));

/** True when `actual` has the form of `expected` and every element is within `tolerance` of it. */
export function isClose(actual: Numberish, expected: Numberish, tolerance: Tolerance): boolean {
  const [a, e] = [numeric(actual), numeric(expected)];
  return typeof a !== 'string' && typeof e !== 'string' && a.data.length === e.data.length && withinTolerance(a.data, e, tolerance);
}
