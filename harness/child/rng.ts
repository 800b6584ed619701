import type * as tfjs from '@tensorflow/tfjs';

/** The `Rng` of the spec: seeded draws that are bit-identical on cpu and wasm. */
export interface Rng {
  uniform(shape: number[]): tfjs.Tensor;
  normal(shape: number[]): tfjs.Tensor;
}

/** Each draw gets its own seed from a counter, so the stream is the same whatever the backend. */
export function makeRng(tf: typeof tfjs, seed: number): Rng {
  let draws = 0;
  const next = () => (seed + 7919 * ++draws) % 2147483647;
  return {
    uniform: (shape) => tf.randomUniform(shape, 0, 1, 'float32', next()),
    normal: (shape) => tf.randomNormal(shape, 0, 1, 'float32', next()),
  };
}
