import { NO_OPTIONS, type Comparator } from '../comparator.ts';
import { comparable, fmt, indexArray, indexOf, jsonNumber } from '../numeric.ts';

/** Exact equality: int32 labels and indices, counts, booleans. */
export const equal: Comparator = {
  name: 'equal',
  options: NO_OPTIONS,
  needsExpected: true,
  judge({ actual, expected }) {
    const pair = comparable('equal', actual, expected);
    if ('pass' in pair) return pair;
    const { a, e } = pair;
    const wrong: number[] = [];
    for (let i = 0; i < e.data.length; i++) if (!Object.is(a.data[i], e.data[i])) wrong.push(i);
    const detail = { kind: 'values' as const, expectedShape: e.shape, actualShape: a.shape, expectedDtype: e.dtype, actualDtype: a.dtype, outOfTolerance: wrong.length, total: e.data.length };
    if (!wrong.length) return { pass: true, message: 'exactly equal', detail };
    const i = wrong[0];
    const at = e.shape.length === 0 ? '' : ` at ${indexOf(i, e.shape)}`;
    const count = e.data.length > 1 ? `${wrong.length} of ${e.data.length} entries differ; first` : 'differs';
    const worst = { worstIndex: indexArray(i, e.shape), expectedValue: jsonNumber(e.data[i]), actualValue: jsonNumber(a.data[i]) };
    return { pass: false, message: `${count}${at}: expected ${fmt(e.data[i])}, got ${fmt(a.data[i])}`, detail: { ...detail, ...worst } };
  },
};
