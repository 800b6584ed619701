import type { Comparator } from '../comparator.ts';
import { asNumeric, fmt, formMismatch, indexOf } from '../numeric.ts';

/** Exact equality: int32 labels and indices, counts, booleans. */
export const equal: Comparator = {
  name: 'equal',
  needsExpected: true,
  judge({ actual, expected }) {
    const a = asNumeric(actual);
    const e = asNumeric(expected ?? null);
    if (typeof e === 'string') throw new Error(`equal needs a numeric expected value, the fixture has ${e}`);
    if (typeof a === 'string') return { pass: false, message: `expected ${e.dtype === 'number' ? 'a number' : `a ${e.dtype} tensor`}, got ${a}` };
    const form = formMismatch(a, e);
    if (form) return { pass: false, message: form };
    const wrong: number[] = [];
    for (let i = 0; i < e.data.length; i++) if (!Object.is(a.data[i], e.data[i])) wrong.push(i);
    if (!wrong.length) return { pass: true, message: 'exactly equal' };
    const i = wrong[0];
    const at = e.shape.length === 0 ? '' : ` at ${indexOf(i, e.shape)}`;
    const count = e.data.length > 1 ? `${wrong.length} of ${e.data.length} entries differ; first` : 'differs:';
    return { pass: false, message: `${count}${at}: expected ${fmt(e.data[i])}, got ${fmt(a.data[i])}` };
  },
};
