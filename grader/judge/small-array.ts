import type { SmallArray } from '../results/results.ts';
import { asNumeric, jsonNumber, type Numeric } from './numeric.ts';
import type { Observed } from './observed.ts';

/** Results stay small: a picture or a heatmap needs a few thousand values at most. */
export const MAX_VALUES = 4096;

/** Five significant digits are more than a picture can show, and keep the results file small. */
function rounded(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(5)) : x;
}

/** Numbers as a small array: leading rows beyond MAX_VALUES are dropped; non-numeric values give undefined. */
export function smallArray(v: Observed): SmallArray | undefined {
  const n = asNumeric(v);
  return typeof n === 'string' ? undefined : truncated(n);
}

function truncated(n: Numeric): SmallArray {
  const row = n.shape.slice(1).reduce((a, b) => a * b, 1);
  const rows = n.shape.length === 0 ? 1 : Math.min(n.shape[0], Math.max(1, Math.floor(MAX_VALUES / Math.max(row, 1))));
  const count = n.shape.length === 0 ? 1 : Math.min(rows * row, MAX_VALUES);
  const values = Array.from({ length: count }, (_, i) => jsonNumber(rounded(Number(n.data[i]))));
  return { shape: n.shape.length === 0 ? [] : [rows, ...n.shape.slice(1)], values };
}
