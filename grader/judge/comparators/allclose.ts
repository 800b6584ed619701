import type { Tolerance } from '../../definition/manifest.ts';
import { NO_OPTIONS, type Comparator } from '../comparator.ts';
import type { Verdict } from '../../definition/property.ts';
import type { CheckDetail } from '../../results/results.ts';
import { comparable, fmt, indexArray, indexOf, jsonNumber, type Numeric } from '../numeric.ts';

const DEFAULT: Tolerance = { rtol: 1e-4, atol: 1e-5, why: 'default' };

/** Elementwise `|a - b| <= atol' + rtol |b|`, with `atol' = atol * max(1, max|b|)` unless `scaleAtol` is false. */
export const allclose: Comparator = {
  name: 'allclose',
  options: NO_OPTIONS,
  needsExpected: true,
  judge({ actual, expected, tolerance = DEFAULT }) {
    const pair = comparable('allclose', actual, expected);
    return 'pass' in pair ? pair : compareValues(pair.a, pair.e, tolerance);
  },
};

/** The allowed error at each element of `e`. */
function toleranceFor(e: Numeric, t: Tolerance): (i: number) => number {
  let maxAbs = 0;
  for (let i = 0; i < e.data.length; i++) if (Number.isFinite(e.data[i])) maxAbs = Math.max(maxAbs, Math.abs(e.data[i]));
  const atol = t.scaleAtol === false ? t.atol : t.atol * Math.max(1, maxAbs);
  return (i) => atol + t.rtol * Math.abs(e.data[i]);
}

/** True when every element of `a` is within tolerance of `e` (same length assumed). */
export function withinTolerance(a: ArrayLike<number>, e: Numeric, t: Tolerance): boolean {
  const tol = toleranceFor(e, t);
  for (let i = 0; i < e.data.length; i++) if (!(Math.abs(a[i] - e.data[i]) <= tol(i))) return false;
  return true;
}

function compareValues(a: Numeric, e: Numeric, t: Tolerance): Verdict {
  const tol = toleranceFor(e, t);
  const n = e.data.length;
  let [bad, worst, worstRatio, maxAbs, maxRel] = [0, -1, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [x, y] = [a.data[i], e.data[i]];
    if (!Number.isFinite(y) || !Number.isFinite(x)) {
      if (Object.is(x, y)) continue;
      const detail = valuesDetail(a, e, t, { worst: i, bad: countNonFinite(a), maxAbs: Infinity, maxRel: Infinity, hints: [] });
      return { pass: false, message: `${where(i, e)}: expected ${fmt(y)}, got ${fmt(x)}${nonFiniteCount(a)}`, detail };
    }
    const err = Math.abs(x - y);
    maxAbs = Math.max(maxAbs, err);
    if (y !== 0) maxRel = Math.max(maxRel, err / Math.abs(y));
    const ratio = err / tol(i);
    if (ratio > 1) bad++;
    if (ratio > worstRatio) [worstRatio, worst] = [ratio, i];
  }
  if (bad === 0) return { pass: true, message: `within tolerance (max abs error ${fmt(maxAbs)})`, detail: valuesDetail(a, e, t, { bad, maxAbs, maxRel, used: worstRatio, hints: [] }) };
  const [x, y] = [a.data[worst], e.data[worst]];
  const hints = hintsFor(a, e, t);
  const message =
    `${bad} of ${n} values out of tolerance (rtol ${t.rtol}, atol ${t.atol}); worst ${where(worst, e)}: expected ${fmt(y)}, got ${fmt(x)} ` +
    `(abs error ${fmt(Math.abs(x - y))}, rel error ${fmt(y === 0 ? Infinity : Math.abs(x - y) / Math.abs(y))}); max abs error ${fmt(maxAbs)}, max rel error ${fmt(maxRel)}` +
    hints.map((h) => `. Hint: ${h}`).join('');
  return { pass: false, message, detail: valuesDetail(a, e, t, { worst, bad, maxAbs, maxRel, used: worstRatio, hints }) };
}

/** The comparison as data: shapes, the worst element, the errors and the tolerance. */
function valuesDetail(a: Numeric, e: Numeric, t: Tolerance, found: { worst?: number; bad: number; maxAbs: number; maxRel: number; used?: number; hints: string[] }): CheckDetail {
  const { worst, bad, maxAbs, maxRel, used, hints } = found;
  return {
    kind: 'values',
    expectedShape: e.shape,
    actualShape: a.shape,
    expectedDtype: e.dtype,
    actualDtype: a.dtype,
    ...(worst === undefined || worst < 0
      ? {}
      : { worstIndex: indexArray(worst, e.shape), expectedValue: jsonNumber(e.data[worst]), actualValue: jsonNumber(a.data[worst]) }),
    maxAbsError: jsonNumber(maxAbs),
    maxRelError: jsonNumber(maxRel),
    // A zero tolerance at an expected zero makes any error an infinite fraction: JSON cannot hold it, the counts say enough.
    ...(used !== undefined && Number.isFinite(used) ? { toleranceUsed: used } : {}),
    outOfTolerance: bad,
    total: e.data.length,
    tolerance: { rtol: t.rtol, atol: t.atol, ...(t.scaleAtol === undefined ? {} : { scaleAtol: t.scaleAtol }) },
    ...(hints.length ? { hints } : {}),
  };
}

function where(i: number, e: Numeric): string {
  return e.shape.length === 0 ? 'the value' : `at ${indexOf(i, e.shape)}`;
}

function countNonFinite(a: Numeric): number {
  let k = 0;
  for (let i = 0; i < a.data.length; i++) if (!Number.isFinite(a.data[i])) k++;
  return k;
}

function nonFiniteCount(a: Numeric): string {
  const k = countNonFinite(a);
  return k > 1 ? ` (${k} of ${a.data.length} values are NaN or infinite)` : '';
}

/** Names a simple relation between the values when there is one: it points at the bug. */
function hintsFor(a: Numeric, e: Numeric, t: Tolerance): string[] {
  const n = e.data.length;
  const av = Array.from(a.data);
  if (withinTolerance(av.map((x) => -x), e, t)) return ['the values have the opposite sign'];
  const [rows, cols] = e.shape;
  if (e.shape.length === 2 && rows === cols && rows > 1 && withinTolerance(av.map((_, i) => av[(i % cols) * cols + Math.floor(i / cols)]), e, t)) {
    return ['the values are the transpose of the expected matrix'];
  }
  let [ab, bb, diff] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    ab += av[i] * e.data[i];
    bb += e.data[i] * e.data[i];
    diff += av[i] - e.data[i];
  }
  const s = bb > 0 ? ab / bb : 0;
  const named = factorName(s);
  // One number is always some multiple of another: only a factor with a meaning says anything then.
  if (s !== 0 && (n > 1 || named !== GENERIC_FACTOR) && withinTolerance(av.map((x) => x / s), e, t)) return [`the values are the expected ones times ${fmt(s)}${named}`];
  const c = diff / n;
  if (n > 1 && withinTolerance(av.map((x) => x - c), e, t)) return [`the values are the expected ones plus ${fmt(c)} (a constant offset)`];
  return [];
}

/** `(1/12)` for a factor that is the reciprocal of a small integer, as a mean instead of a sum gives. */
function factorName(s: number): string {
  const inv = Math.round(1 / s);
  if (inv >= 2 && Math.abs(1 / s - inv) < 1e-3 * inv) return ` (1/${inv}: a mean where a sum belongs, or a missing factor of ${inv}?)`;
  const k = Math.round(s);
  if (k >= 2 && Math.abs(s - k) < 1e-3 * k) return ` (a factor of ${k}: a sum where a mean belongs?)`;
  return GENERIC_FACTOR;
}

const GENERIC_FACTOR = ' (a constant factor)';
