import { decodeData, encodeData, sizeOf, type TypedData } from './bytes.ts';
import type { DType, GaussianMixture, WireValue } from './values.ts';

/** The parts of a tfjs tensor the codec reads; duck-typed so this file needs no tfjs. */
export interface TensorLike {
  dtype: string;
  shape: number[];
  dataSync(): ArrayLike<number> | Uint8Array;
  isDisposed: boolean;
}

function isTensorLike(v: unknown): v is TensorLike {
  return typeof v === 'object' && v !== null && 'dataSync' in v && 'shape' in v && 'dtype' in v;
}

function isRngSpec(v: unknown): v is { rngSeed: number } {
  return typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { rngSeed?: unknown }).rngSeed === 'number';
}

function isSamplerSpec(v: unknown): v is { sampler: GaussianMixture } {
  return typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { sampler?: unknown }).sampler === 'object';
}

/** Limits on what may be encoded, so a runaway output cannot flood the grader. */
const MAX_DEPTH = 32;
const MAX_ELEMENTS = 50_000_000;

export class EncodeError extends Error {
  readonly code = 'ENCODE';
}

/** Encodes a value built of tensors, numbers, strings, booleans, null, arrays, plain objects, rng and sampler specs. */
export function toWire(value: unknown, where = 'output', depth = 0, budget = { elements: MAX_ELEMENTS }): WireValue {
  if (depth > MAX_DEPTH) throw new EncodeError(`${where} is nested more than ${MAX_DEPTH} levels deep`);
  if (value === null) return { kind: 'null' };
  if (typeof value === 'number') return { kind: 'number', value: Number.isFinite(value) ? value : (String(value) as 'NaN') };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (isTensorLike(value)) return tensorToWire(value, where, budget);
  if (isRngSpec(value)) return { kind: 'rng', seed: value.rngSeed };
  if (isSamplerSpec(value)) return { kind: 'sampler', mixture: value.sampler };
  if (Array.isArray(value)) {
    budget.elements -= value.length;
    if (budget.elements < 0) throw new EncodeError(`${where}: output holds more than ${MAX_ELEMENTS} elements`);
    return { kind: 'array', items: value.map((v, i) => toWire(v, `${where}[${i}]`, depth + 1, budget)) };
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries: { [key: string]: WireValue } = {};
    for (const [k, v] of Object.entries(value)) entries[k] = toWire(v, `${where}.${k}`, depth + 1, budget);
    return { kind: 'object', entries };
  }
  throw new EncodeError(`${where} is ${describe(value)}; expected tensors, numbers, arrays or plain objects`);
}

function tensorToWire(t: TensorLike, where: string, budget: { elements: number }): WireValue {
  if (t.isDisposed) throw new EncodeError(`${where} is a tensor that was already disposed`);
  const dtype = t.dtype;
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw new EncodeError(`${where} has dtype ${dtype}; expected float32, int32 or bool`);
  }
  budget.elements -= sizeOf(t.shape);
  if (budget.elements < 0) throw new EncodeError(`${where}: output holds more than ${MAX_ELEMENTS} elements`);
  return { kind: 'tensor', dtype, shape: [...t.shape], data: encodeData(typedOf(dtype, t.dataSync())) };
}

/** tfjs may hand back a Float32Array for int32 data (wasm): convert explicitly. */
function typedOf(dtype: DType, data: ArrayLike<number> | Uint8Array): TypedData {
  if (dtype === 'float32') return data instanceof Float32Array ? data : Float32Array.from(data);
  if (dtype === 'int32') return data instanceof Int32Array ? data : Int32Array.from(data);
  return data instanceof Uint8Array ? data : Uint8Array.from(data);
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
  if (typeof v === 'function') return 'a function';
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && v !== null) return `an object of class ${v.constructor?.name ?? 'unknown'}`;
  return `a ${typeof v}`;
}

/** How the receiving side builds tensors, random sources and data samplers. */
export interface Builders<T, R> {
  tensor(data: TypedData, shape: number[], dtype: DType): T;
  rng(seed: number): R;
  sampler(mixture: GaussianMixture): R;
}

export type Decoded<T, R> = T | R | number | string | boolean | null | Decoded<T, R>[] | { [key: string]: Decoded<T, R> };

/** Rebuilds a value from the wire with the receiver's own tensor and rng constructors. */
export function fromWire<T, R>(w: WireValue, b: Builders<T, R>): Decoded<T, R> {
  switch (w.kind) {
    case 'tensor':
      return b.tensor(decodeData(w.dtype, w.data, sizeOf(w.shape)), w.shape, w.dtype);
    case 'number':
      return typeof w.value === 'number' ? w.value : Number(w.value);
    case 'rng':
      return b.rng(w.seed);
    case 'sampler':
      return b.sampler(w.mixture);
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return w.value;
    case 'array':
      return w.items.map((i) => fromWire(i, b));
    case 'object':
      return Object.fromEntries(Object.entries(w.entries).map(([k, v]) => [k, fromWire(v, b)]));
  }
}
