import { normals } from '../../grader/staff/api.ts';

/** Data layouts for hw1's fixtures, in float64 JS arrays drawn from the case's seeded stream. */
export type Matrix = number[][];

export type Layout = 'blobs' | 'grid' | 'duplicates';

/** One standard-normal draw. */
export const gaussian = (random: () => number): number => normals(random, 1)[0];

/**
 * `blobs`: k Gaussian blobs (sd 0.6) with centers in [-6, 6]^d;
 * `grid`: small integer points, so exact ties are common and exactly representable;
 * `duplicates`: blobs where every point appears twice.
 */
export function makeData(layout: Layout, n: number, d: number, k: number, random: () => number): { X: Matrix; truth: number[] } {
  if (layout === 'grid') {
    const X = Array.from({ length: n }, () => Array.from({ length: d }, () => Math.floor(random() * 5)));
    return { X, truth: X.map(() => 0) };
  }
  const half = layout === 'duplicates' ? Math.ceil(n / 2) : n;
  const centers = Array.from({ length: k }, () => Array.from({ length: d }, () => 12 * random() - 6));
  const truth = Array.from({ length: half }, (_, i) => i % k);
  const X = truth.map((j) => centers[j].map((c) => round4(c + 0.6 * gaussian(random))));
  if (layout !== 'duplicates') return { X, truth };
  return { X: [...X, ...X].slice(0, n), truth: [...truth, ...truth].slice(0, n) };
}

/** Coordinates on a 1e-4 grid are exact in float64 and close to exact in float32. */
function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export function sqDist(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + (x - b[i]) ** 2, 0);
}

export function distinctRows(X: Matrix): number {
  return new Set(X.map((r) => r.join(','))).size;
}

/** Picks `k` distinct row indices of X in draw order. */
export function pickRows(n: number, k: number, random: () => number): number[] {
  const rows: number[] = [];
  while (rows.length < k) {
    const i = Math.floor(random() * n);
    if (!rows.includes(i)) rows.push(i);
  }
  return rows;
}
