import { NO_OPTIONS, type Comparator } from '../comparator.ts';
import { comparable } from '../numeric.ts';

/** Labels that describe the same partition as the expected ones, whatever the numbering. */
export const permutation: Comparator = {
  name: 'permutation',
  options: NO_OPTIONS,
  needsExpected: true,
  judge({ actual, expected }) {
    const pair = comparable('permutation', actual, expected);
    if ('pass' in pair) return pair;
    const { a, e } = pair;
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
