import type { Comparator } from '../comparator.ts';
import { isNdArray, type NdArray } from '../observed.ts';
import { fmt } from '../numeric.ts';

/**
 * Column spaces equal up to rotation: `||QA QA^T - QB QB^T||_F / sqrt(2)` at
 * most `options.max`. With `options.rows`, the bases are the rows instead.
 */
export const subspace: Comparator = {
  name: 'subspace',
  options: {
    type: 'object',
    properties: { max: { type: 'number', exclusiveMinimum: 0 }, rows: { type: 'boolean' } },
    additionalProperties: false,
  },
  needsExpected: true,
  judge({ actual, expected, options }) {
    const max = typeof options.max === 'number' ? options.max : 1e-3;
    const rows = options.rows === true;
    if (!isNdArray(expected) || expected.shape.length !== 2) throw new Error('subspace needs a 2-d expected basis');
    if (!isNdArray(actual) || actual.shape.length !== 2) return { pass: false, message: `expected a 2-d tensor of shape [${expected.shape.join(', ')}]` };
    const a = columns(actual, rows);
    const e = columns(expected, rows);
    if (a.length !== e.length || a[0]?.length !== e[0]?.length) {
      return { pass: false, message: `expected shape [${expected.shape.join(', ')}], got [${actual.shape.join(', ')}]` };
    }
    const d = subspaceDistance(a, e);
    const ok = d <= max;
    const detail = Number.isFinite(d) ? { detail: { kind: 'relation' as const, toleranceUsed: d / max } } : {};
    return { pass: ok, message: `subspace distance ${fmt(d)} ${ok ? '<=' : '>'} ${max}`, ...detail };
  },
};

function columns(t: NdArray, rows: boolean): number[][] {
  const [r, c] = t.shape;
  const get = (i: number, j: number) => t.data[i * c + j];
  return rows ? Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => get(i, j))) : Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => get(i, j)));
}

/** In float64: orthonormalise both bases (modified Gram-Schmidt), then `sqrt(m - ||QA^T QB||_F^2)`. */
export function subspaceDistance(a: number[][], b: number[][]): number {
  const qa = orthonormal(a);
  const qb = orthonormal(b);
  if (qa.length !== a.length || qb.length !== b.length) return Infinity;
  let s = 0;
  for (const u of qa) for (const v of qb) s += dot(u, v) ** 2;
  return Math.sqrt(Math.max(0, (qa.length + qb.length) / 2 - s));
}

function orthonormal(vs: number[][]): number[][] {
  const q: number[][] = [];
  for (const v of vs) {
    const w = [...v];
    for (const u of q) {
      const p = dot(w, u);
      for (let i = 0; i < w.length; i++) w[i] -= p * u[i];
    }
    const n = Math.sqrt(dot(w, w));
    if (!(n > 1e-12)) continue;
    q.push(w.map((x) => x / n));
  }
  return q;
}

function dot(u: number[], v: number[]): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}
