import type { Comparator } from '../comparator.ts';
import { asNumeric, formMismatch } from '../numeric.ts';

/** Labels that describe the same partition as the expected ones, whatever the numbering. */
export const permutation: Comparator = {
  name: 'permutation',
  needsExpected: true,
  judge({ actual, expected }) {
    const a = asNumeric(actual);
    const e = asNumeric(expected ?? null);
    if (typeof e === 'string') throw new Error(`permutation needs labels as the expected value, the fixture has ${e}`);
    if (typeof a === 'string') return { pass: false, message: `expected ${e.dtype} labels, got ${a}` };
    const form = formMismatch(a, e);
    if (form) return { pass: false, message: form };
    const forward = new Map<number, number>();
    const backward = new Map<number, number>();
    for (let i = 0; i < e.data.length; i++) {
      const [x, y] = [a.data[i], e.data[i]];
      if ((forward.get(x) ?? y) !== y || (backward.get(y) ?? x) !== x) {
        return { pass: false, message: `not the expected partition: element ${i} has label ${x}, which elsewhere stands for another expected group (${forward.get(x) ?? '?'} vs ${y})` };
      }
      forward.set(x, y);
      backward.set(y, x);
    }
    return { pass: true, message: 'same partition up to relabelling' };
  },
};
