import type { SmallArray } from '../results/results.ts';
import { asNumeric, jsonNumber } from './numeric.ts';
import type { Observed } from './observed.ts';

/** A heatmap of more cells than this is unreadable at report size; bigger differences are pooled. */
const MAX_SIDE = 24;

/**
 * actual - expected as a 2-D grid (all leading axes as rows, the last as
 * columns), pooled to at most MAX_SIDE x MAX_SIDE cells, each keeping the
 * largest difference of its block so that one wrong element stays visible.
 */
export function differenceGrid(actual: Observed, expected: Observed): SmallArray | undefined {
  const a = asNumeric(actual);
  const e = asNumeric(expected);
  if (typeof a === 'string' || typeof e === 'string' || a.data.length !== e.data.length || a.data.length < 2) return undefined;
  const cols = e.shape.length ? e.shape[e.shape.length - 1] : 1;
  const rows = e.data.length / cols;
  const [gr, gc] = [Math.min(rows, MAX_SIDE), Math.min(cols, MAX_SIDE)];
  const grid = new Array<number>(gr * gc).fill(0);
  for (let i = 0; i < e.data.length; i++) {
    const d = Number(a.data[i]) - Number(e.data[i]);
    const cell = Math.floor(((i / cols) | 0) * (gr / rows)) * gc + Math.floor((i % cols) * (gc / cols));
    if (!Number.isNaN(grid[cell]) && !(Math.abs(grid[cell]) >= Math.abs(d))) grid[cell] = d;
  }
  return { shape: [gr, gc], values: grid.map((x) => jsonNumber(Number.isFinite(x) ? Number(x.toPrecision(4)) : x)) };
}
