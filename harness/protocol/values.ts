/**
 * Plain-data values that cross the boundary between the grader and the
 * student process, and that fixtures store. Tensors travel as dtype, shape
 * and the base64 of their little-endian bytes, so nothing a student returns
 * is ever trusted as an object.
 */
export type DType = 'float32' | 'int32' | 'bool';

export interface TensorValue {
  kind: 'tensor';
  dtype: DType;
  shape: number[];
  /** base64 of the little-endian bytes (bool as one byte per element). */
  data: string;
}

/** Non-finite numbers are kept as strings: JSON has no NaN or Infinity. */
export interface NumberValue {
  kind: 'number';
  value: number | 'NaN' | 'Infinity' | '-Infinity';
}

/** A seeded random source; the student process builds an `Rng` from it. */
export interface RngValue {
  kind: 'rng';
  seed: number;
}

/** Most layers an `mlp-function` may have (grader/schemas/wire-value.schema.json says the same). */
export const MAX_MLP_LAYERS = 32;

/** How an MLP function hands back its output: the plain `[n, out]` tensor, or its columns split in halves as `{mu, logVar}`. */
export type MlpOutput = 'tensor' | 'gaussian';

/**
 * A fixed MLP that the student process turns into a function `x => mlpForward({W, b}, x)`:
 * functions never cross the boundary, and the student sees only the function.
 */
export interface MlpFunctionValue {
  kind: 'mlp-function';
  W: TensorValue[];
  b: TensorValue[];
  output: MlpOutput;
}

/** A mixture of Gaussians with isotropic components: `means [k][dx]`, `stds [k]`, `weights [k]` summing to 1. */
export interface GaussianMixture {
  means: number[][];
  stds: number[];
  weights: number[];
}

/** A data sampler; the student process builds `sampleData(n, rng) => [n,dx]` from it, drawing with that `rng`. */
export interface SamplerValue {
  kind: 'sampler';
  mixture: GaussianMixture;
}

export type WireValue =
  | TensorValue
  | NumberValue
  | RngValue
  | MlpFunctionValue
  | SamplerValue
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'array'; items: WireValue[] }
  | { kind: 'object'; entries: { [key: string]: WireValue } };
