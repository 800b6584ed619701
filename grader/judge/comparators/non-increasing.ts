import { NO_OPTIONS, type Comparator } from '../comparator.ts';
import { asNumeric, fmt } from '../numeric.ts';

/** A sequence that never goes up by more than its tolerance (an objective under coordinate descent). */
export const nonIncreasing: Comparator = {
  name: 'nonIncreasing',
  options: NO_OPTIONS,
  needsExpected: false,
  judge({ actual, tolerance }) {
    const a = asNumeric(actual);
    if (typeof a === 'string' || a.shape.length !== 1) return { pass: false, message: `expected a sequence of numbers, got ${typeof a === 'string' ? a : `shape [${a.shape.join(', ')}]`}` };
    const [rtol, atol] = [tolerance?.rtol ?? 0, tolerance?.atol ?? 0];
    const bad = Array.from(a.data).findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) return { pass: false, message: `value ${bad} is ${a.data[bad]}` };
    let used = 0;
    for (let i = 1; i < a.data.length; i++) {
      const [prev, cur] = [a.data[i - 1], a.data[i]];
      const allowed = atol + rtol * Math.abs(prev);
      if (cur > prev + allowed) {
        return { pass: false, message: `increases at step ${i}: ${fmt(prev)} -> ${fmt(cur)} (a step of coordinate descent can never increase it)` };
      }
      // The largest rise, as a fraction of the rise float noise is allowed.
      if (cur > prev) used = Math.max(used, (cur - prev) / allowed);
    }
    return { pass: true, message: `never increases over ${a.data.length} values`, detail: { kind: 'relation', toleranceUsed: used } };
  },
};
