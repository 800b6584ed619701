/** Formatting helpers every text template shares: numbers, shapes, tolerances, statuses. */
import type { CaseStatus, CheckDetail, JsonNumber } from '../results/results.ts';

/** Five significant digits, exponent for the very large and small; non-finite values as words. */
export function num(x: JsonNumber | undefined): string {
  if (x === undefined) return '';
  if (typeof x === 'string') return x;
  if (x === 0 || Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3 ? Number(x.toPrecision(4)).toExponential() : String(Number(x.toPrecision(6)));
}

export const shape = (s: number[] | undefined) => (s ? `[${s.join(', ')}]` : '');

export function tolerance(t: CheckDetail['tolerance']): string {
  if (!t) return '';
  const scaled = t.scaleAtol === false ? '' : ' (atol scaled by max(1, max|expected|))';
  return `|actual - expected| <= ${num(t.atol)} + ${num(t.rtol)} * |expected|${scaled}`;
}

const LABELS: { [s in CaseStatus]: string } = {
  passed: 'passed',
  failed: 'failed',
  error: 'error',
  timeout: 'timed out',
  'not-implemented': 'not implemented',
  crashed: 'crashed',
  rejected: 'rejected',
  skipped: 'skipped',
};

export const statusLabel = (s: CaseStatus) => LABELS[s];

/** A duration for people: `0.4 s`, `12 ms`. */
export const seconds = (ms: number | undefined) => (ms === undefined ? '' : ms < 100 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Helpers in the shape Handlebars calls them (its options object comes last and is dropped). */
export const textHelpers = {
  num,
  shape,
  tolerance,
  statusLabel,
  seconds,
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  or: (...xs: unknown[]) => xs.slice(0, -1).some(Boolean),
  join: (xs: unknown[], sep: unknown) => (Array.isArray(xs) ? xs.join(typeof sep === 'string' ? sep : ', ') : ''),
};
