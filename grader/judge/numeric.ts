import type { Verdict } from '../definition/property.ts';
import type { JsonNumber } from '../results/results.ts';
import type { Observed } from './observed.ts';
import { describe, isNdArray } from './observed.ts';

/** Numbers in one shape: a tensor, a JS number (shape []) or an array of JS numbers (shape [n]). */
export interface Numeric {
  dtype: 'float32' | 'int32' | 'bool' | 'number';
  shape: number[];
  data: ArrayLike<number>;
}

/** Reads an output as numbers, or says what it is instead. */
export function asNumeric(v: Observed): Numeric | string {
  if (isNdArray(v)) return v;
  if (typeof v === 'number') return { dtype: 'number', shape: [], data: [v] };
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return { dtype: 'number', shape: [v.length], data: v as number[] };
  return describe(v);
}

function kindOf(n: Numeric): string {
  if (n.dtype !== 'number') return `${n.dtype === 'int32' ? 'an' : 'a'} ${n.dtype} tensor of shape [${n.shape.join(', ')}]`;
  return n.shape.length === 0 ? 'a number' : `an array of ${n.shape[0]} numbers`;
}

/**
 * Both sides read as numbers of the same form (kind, dtype, shape), or the
 * failing verdict that says how they differ. A non-numeric expected value is
 * a broken fixture, not a student error.
 */
export function comparable(comparator: string, actual: Observed, expected: Observed | undefined): { a: Numeric; e: Numeric } | Verdict {
  const e = asNumeric(expected ?? null);
  if (typeof e === 'string') throw new Error(`${comparator} needs a numeric expected value, the fixture has ${e}`);
  const a = asNumeric(actual);
  const detail = { kind: 'form' as const, expectedShape: e.shape, expectedDtype: e.dtype };
  if (typeof a === 'string') return { pass: false, message: `expected ${kindOf(e)}, got ${a}`, detail };
  const form = formMismatch(a, e);
  return form ? { pass: false, message: form, detail: { ...detail, actualShape: a.shape, actualDtype: a.dtype } } : { a, e };
}

/** A number as JSON holds it in results: non-finite values as strings. */
export function jsonNumber(x: number): JsonNumber {
  return Number.isFinite(x) ? x : (String(x) as JsonNumber);
}

/** Why `actual` cannot be compared with `expected` element by element, or undefined if it can. */
function formMismatch(actual: Numeric, expected: Numeric): string | undefined {
  const sameKind = (actual.dtype === 'number') === (expected.dtype === 'number');
  if (!sameKind || actual.dtype !== expected.dtype || !sameShape(actual.shape, expected.shape)) {
    return `expected ${kindOf(expected)}, got ${kindOf(actual)}${formHint(actual, expected)}`;
  }
  return undefined;
}

function formHint(actual: Numeric, expected: Numeric): string {
  if (expected.dtype === 'number' && actual.dtype !== 'number') {
    return expected.shape.length === 0 ? ' (return a plain number, e.g. `(await t.data())[0]`)' : ' (return a plain array, e.g. `Array.from(await t.data())`)';
  }
  if (expected.dtype !== 'number' && actual.dtype === 'number') return ' (return a tensor)';
  if (expected.dtype === 'number' && actual.dtype === 'number') return `: expected ${preview(expected)}, got ${preview(actual)}`;
  if (actual.dtype !== expected.dtype) return ` (cast with \`tf.cast(x, '${expected.dtype}')\`)`;
  const [a, e] = [actual.shape, expected.shape];
  if (a.length === 2 && e.length === 2 && a[0] === e[1] && a[1] === e[0]) return ' (the transpose of the expected shape)';
  if (size(a) === size(e)) return ' (same number of elements: a reshape or transpose?)';
  return '';
}

function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function size(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The first values of a short sequence, as the student would print them. */
function preview(n: Numeric): string {
  const shown = Array.from(n.data).slice(0, 8).map(fmt);
  return `[${shown.join(', ')}${n.data.length > 8 ? ', ...' : ''}]`;
}

/** A flat index as its position `[i, j, ...]` in the given shape. */
export function indexArray(flat: number, shape: number[]): number[] {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(flat % shape[d]);
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/** Formats a flat index as `[i, j]` in the given shape. */
export function indexOf(flat: number, shape: number[]): string {
  return `[${indexArray(flat, shape).join(', ')}]`;
}

/** Short, precise number formatting for messages. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3 ? x.toExponential(3) : String(Number(x.toPrecision(6)));
}
