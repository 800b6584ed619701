import { NO_OPTIONS, type Comparator } from '../comparator.ts';
import { describe } from '../observed.ts';
import { allclose } from './allclose.ts';

/** A plain JS number (not a tensor), within tolerance of the expected one. */
export const scalar: Comparator = {
  name: 'scalar',
  options: NO_OPTIONS,
  needsExpected: true,
  judge(input) {
    if (typeof input.actual !== 'number') {
      return { pass: false, message: `expected a plain number, got ${describe(input.actual)} (read a scalar tensor with \`(await t.data())[0]\`)` };
    }
    return allclose.judge(input);
  },
};
