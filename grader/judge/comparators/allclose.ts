import type { Tolerance } from '../../definition/manifest.ts';
import type { Comparator } from '../comparator.ts';
import { comparable, fmt, indexOf, type Numeric } from '../numeric.ts';

const DEFAULT: Tolerance = { rtol: 1e-4, atol: 1e-5, why: 'default' };

/** Elementwise `|a - b| <= atol' + rtol |b|`, with `atol' = atol * max(1, max|b|)` unless `scaleAtol` is false. */
export const allclose: Comparator = {
  name: 'allclose',
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

function compareValues(a: Numeric, e: Numeric, t: Tolerance) {
  const tol = toleranceFor(e, t);
  const n = e.data.length;
  let bad = 0;
  let worst = -1;
  let worstRatio = 0;
  let maxAbs = 0;
  let maxRel = 0;
  for (let i = 0; i < n; i++) {
    const [x, y] = [a.data[i], e.data[i]];
    if (!Number.isFinite(y) || !Number.isFinite(x)) {
      if (Object.is(x, y)) continue;
      return { pass: false, message: `${where(i, e)}: expected ${fmt(y)}, got ${fmt(x)}${nonFiniteCount(a)}` };
    }
    const err = Math.abs(x - y);
    maxAbs = Math.max(maxAbs, err);
    if (y !== 0) maxRel = Math.max(maxRel, err / Math.abs(y));
    const ratio = err / tol(i);
    if (ratio > 1) bad++;
    if (ratio > worstRatio) [worstRatio, worst] = [ratio, i];
  }
  if (bad === 0) return { pass: true, message: `within tolerance (max abs error ${fmt(maxAbs)})` };
  const [x, y] = [a.data[worst], e.data[worst]];
  const message =
    `${bad} of ${n} values out of tolerance (rtol ${t.rtol}, atol ${t.atol}); worst ${where(worst, e)}: expected ${fmt(y)}, got ${fmt(x)} ` +
    `(abs error ${fmt(Math.abs(x - y))}, rel error ${fmt(y === 0 ? Infinity : Math.abs(x - y) / Math.abs(y))}); max abs error ${fmt(maxAbs)}, max rel error ${fmt(maxRel)}` +
    hint(a, e, t);
  return { pass: false, message };
}

function where(i: number, e: Numeric): string {
  return e.shape.length === 0 ? 'the value' : `at ${indexOf(i, e.shape)}`;
}

function nonFiniteCount(a: Numeric): string {
  let k = 0;
  for (let i = 0; i < a.data.length; i++) if (!Number.isFinite(a.data[i])) k++;
  return k > 1 ? ` (${k} of ${a.data.length} values are NaN or infinite)` : '';
}

/** Names a simple relation between the values when there is one: it points at the bug. */
function hint(a: Numeric, e: Numeric, t: Tolerance): string {
  const n = e.data.length;
  const av = Array.from(a.data);
  if (withinTolerance(av.map((x) => -x), e, t)) return '. Hint: the values have the opposite sign';
  let ab = 0;
  let bb = 0;
  let diff = 0;
  for (let i = 0; i < n; i++) {
    ab += av[i] * e.data[i];
    bb += e.data[i] * e.data[i];
    diff += av[i] - e.data[i];
  }
  const s = bb > 0 ? ab / bb : 0;
  if (n > 1 && s !== 0 && withinTolerance(av.map((x) => x / s), e, t)) return `. Hint: the values are the expected ones times ${fmt(s)} (a constant factor)`;
  const c = diff / n;
  if (n > 1 && withinTolerance(av.map((x) => x - c), e, t)) return `. Hint: the values are the expected ones plus ${fmt(c)} (a constant offset)`;
  return '';
}
