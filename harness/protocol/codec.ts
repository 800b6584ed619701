import { decodeData, encodeData, sizeOf, type TypedData } from './bytes.ts';
import { MAX_FRAME_BYTES } from './frame.ts';
import { MAX_MLP_LAYERS, type DType, type GaussianMixture, type MlpFunctionValue, type MlpOutput, type TensorValue, type WireValue } from './values.ts';

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

/** Marks an argument the student process turns into a function running a fixed MLP (values.ts: MlpFunctionValue). */
export interface MlpFunctionSpec<T = TensorLike> {
  mlpFunction: { W: T[]; b: T[] };
  output: MlpOutput;
}

function isMlpFunctionSpec(v: unknown): v is MlpFunctionSpec {
  if (typeof v !== 'object' || v === null || Object.keys(v).sort().join() !== 'mlpFunction,output') return false;
  const { mlpFunction: p, output } = v as MlpFunctionSpec;
  const tensors = (xs: unknown) => Array.isArray(xs) && xs.every(isTensorLike);
  return (output === 'tensor' || output === 'gaussian') && tensors(p?.W) && tensors(p?.b) && p.W.length === p.b.length;
}

function isSamplerSpec(v: unknown): v is { sampler: object } {
  if (typeof v !== 'object' || v === null || Object.keys(v).length !== 1) return false;
  const sampler = (v as { sampler?: unknown }).sampler;
  return typeof sampler === 'object' && sampler !== null;
}

/** Limits on what may be encoded, so a runaway output cannot flood the grader. */
const MAX_DEPTH = 32;
const MAX_ELEMENTS = 50_000_000;
/** Tensor bytes whose base64 fits in one frame (frame.ts), checked before anything is encoded. */
const MAX_TENSOR_BYTES = Math.floor((MAX_FRAME_BYTES * 3) / 4) - 1024 * 1024;
/** No graded output is text this long; a longer string is a flood, refused before it is copied into a message. */
const MAX_STRING = 1_000_000;

export class EncodeError extends Error {
  readonly code = 'ENCODE';
}

/** Encodes a value built of tensors, numbers, strings, booleans, null, arrays, plain objects, rng and sampler specs. */
export function toWire(value: unknown, where = 'output', depth = 0, budget: Budget = { elements: MAX_ELEMENTS, bytes: MAX_TENSOR_BYTES }): WireValue {
  if (depth > MAX_DEPTH) throw new EncodeError(`${where} is nested more than ${MAX_DEPTH} levels deep`);
  if (value === null) return { kind: 'null' };
  if (typeof value === 'number') return { kind: 'number', value: Number.isFinite(value) ? value : (String(value) as 'NaN') };
  if (typeof value === 'string') {
    if (value.length > MAX_STRING) throw new EncodeError(`${where} is a string of ${value.length} characters (at most ${MAX_STRING})`);
    return { kind: 'string', value };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (isTensorLike(value)) return tensorToWire(value, where, budget);
  if (isRngSpec(value)) return { kind: 'rng', seed: value.rngSeed };
  if (isMlpFunctionSpec(value)) return mlpToWire(value, where, budget);
  if (isSamplerSpec(value)) return { kind: 'sampler', mixture: mixtureToWire(value.sampler, `${where}.sampler`, budget) };
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

/** What is left of an output's allowance as it is encoded. */
interface Budget {
  elements: number;
  bytes: number;
}

/** An MLP spec's weights, charged to the same budget as any tensor, and refused unless the layers chain (mlpShapeProblem). */
function mlpToWire(spec: MlpFunctionSpec, where: string, budget: Budget): WireValue {
  const layers = (ts: TensorLike[], name: string) => ts.map((t, i) => tensorToWire(t, `${where}.${name}[${i}]`, budget));
  const value: MlpFunctionValue = { kind: 'mlp-function', W: layers(spec.mlpFunction.W, 'W'), b: layers(spec.mlpFunction.b, 'b'), output: spec.output };
  const problem = mlpShapeProblem(value);
  if (problem) throw new EncodeError(`${where}: ${problem}`);
  return value;
}

/**
 * Why an MLP's weights cannot be run as `x => mlpForward({W, b}, x)`, or
 * undefined: checked when a fixture is made and again wherever one is decoded,
 * so a bad fixture fails there and not inside a student's call. Index loops
 * only: the student process decodes after student code may have replaced
 * Array methods.
 */
export function mlpShapeProblem(w: MlpFunctionValue): string | undefined {
  const n = w.W.length;
  if (n === 0 || n > MAX_MLP_LAYERS) return `an MLP has 1 to ${MAX_MLP_LAYERS} layers, not ${n}`;
  if (w.b.length !== n) return `an MLP has as many biases as weights (${n} weights, ${w.b.length} biases)`;
  for (let i = 0; i < n; i++) {
    const W = w.W[i].shape;
    const b = w.b[i].shape;
    if (w.W[i].dtype !== 'float32' || w.b[i].dtype !== 'float32') return `layer ${i} of an MLP is not float32`;
    if (W.length !== 2 || b.length !== 1 || b[0] !== W[1]) return `layer ${i} of an MLP has weights [${W.join(', ')}] and bias [${b.join(', ')}], not [in, out] and [out]`;
    if (i > 0 && W[0] !== w.W[i - 1].shape[1]) return `layer ${i} of an MLP takes ${W[0]} inputs, but the layer before gives ${w.W[i - 1].shape[1]}`;
  }
  if (w.output === 'gaussian' && w.W[n - 1].shape[1] % 2 !== 0) return `a gaussian MLP's last layer gives an even number of columns (mu, then logVar), not ${w.W[n - 1].shape[1]}`;
  return undefined;
}

function tensorToWire(t: TensorLike, where: string, budget: Budget): TensorValue {
  if (t.isDisposed) throw new EncodeError(`${where} is a tensor that was already disposed`);
  const dtype = t.dtype;
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw new EncodeError(`${where} has dtype ${dtype}; expected float32, int32 or bool`);
  }
  if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isInteger(d) && d >= 0)) throw new EncodeError(`${where} has a shape that is not a list of sizes`);
  const size = sizeOf(t.shape);
  budget.elements -= size;
  if (budget.elements < 0) throw new EncodeError(`${where}: output holds more than ${MAX_ELEMENTS} elements`);
  budget.bytes -= size * (dtype === 'bool' ? 1 : 4);
  if (budget.bytes < 0) throw new EncodeError(`${where}: output holds more than ${MAX_TENSOR_BYTES >> 20} MB of tensor data`);
  const data = typedOf(dtype, t.dataSync());
  // Anything tensor-shaped is read this way, so its data must be as long as its shape says.
  if (data.length !== size) throw new EncodeError(`${where} claims shape [${t.shape.join(', ')}] (${size} elements) but holds ${data.length} values`);
  return { kind: 'tensor', dtype, shape: [...t.shape], data: encodeData(data) };
}

/**
 * A sampler's mixture, checked and copied number by number: the object itself
 * never crosses (a student's output could dress anything up as a sampler), so
 * what is sent is what wire-value.schema.json allows, within the budget.
 */
function mixtureToWire(m: unknown, where: string, budget: Budget): GaussianMixture {
  if (typeof m !== 'object' || m === null || !isPlainObject(m)) throw new EncodeError(`${where} is ${describe(m)}; expected a mixture { means, stds, weights }`);
  const keys = Object.keys(m);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'means' && keys[i] !== 'stds' && keys[i] !== 'weights') throw new EncodeError(`${where} has a field '${keys[i]}'; a mixture has only means, stds and weights`);
  }
  const { means, stds, weights } = m as { [key: string]: unknown };
  const numbers = (v: unknown, name: string, nonNegative: boolean): number[] => {
    if (!Array.isArray(v) || v.length === 0) throw new EncodeError(`${where}.${name} is not a non-empty array of numbers`);
    budget.elements -= v.length;
    if (budget.elements < 0) throw new EncodeError(`${where}: output holds more than ${MAX_ELEMENTS} elements`);
    const out: number[] = [];
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x !== 'number' || !Number.isFinite(x) || (nonNegative && x < 0)) throw new EncodeError(`${where}.${name}[${i}] is not a finite number${nonNegative ? ' >= 0' : ''}`);
      out[i] = x;
    }
    return out;
  };
  if (!Array.isArray(means) || means.length === 0) throw new EncodeError(`${where}.means is not a non-empty array of mean vectors`);
  const k = means.length;
  const mu: number[][] = [];
  for (let c = 0; c < k; c++) mu[c] = numbers(means[c], `means[${c}]`, false);
  const sd = numbers(stds, 'stds', true);
  const w = numbers(weights, 'weights', true);
  let sameLength = sd.length === k && w.length === k;
  for (let c = 1; c < k; c++) sameLength &&= mu[c].length === mu[0].length;
  if (!sameLength) throw new EncodeError(`${where}: means, stds and weights must describe the same components, each mean of the same length`);
  return { means: mu, stds: sd, weights: w };
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

/** How the receiving side builds tensors, and the random sources and functions that specs stand for. */
export interface Builders<T, R> {
  tensor(data: TypedData, shape: number[], dtype: DType): T;
  rng(seed: number): R;
  mlpFunction(W: T[], b: T[], output: MlpOutput): R;
  sampler(mixture: GaussianMixture): R;
}

export type Decoded<T, R> = T | R | number | string | boolean | null | Decoded<T, R>[] | { [key: string]: Decoded<T, R> };

/** Rebuilds a value from the wire with the receiver's own constructors of tensors, random sources and MLP functions. */
export function fromWire<T, R>(w: WireValue, b: Builders<T, R>): Decoded<T, R> {
  const tensor = (t: TensorValue) => b.tensor(decodeData(t.dtype, t.data, sizeOf(t.shape)), t.shape, t.dtype);
  switch (w.kind) {
    case 'tensor':
      return tensor(w);
    case 'mlp-function': {
      const problem = mlpShapeProblem(w);
      if (problem) throw new Error(problem);
      // Index loops: in the student process, code that replaced Array.prototype.map must never see the weights.
      const W: T[] = [];
      const bias: T[] = [];
      for (let i = 0; i < w.W.length; i++) W[i] = tensor(w.W[i]);
      for (let i = 0; i < w.b.length; i++) bias[i] = tensor(w.b[i]);
      return b.mlpFunction(W, bias, w.output);
    }
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
