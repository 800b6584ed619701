import type * as tfjs from '@tensorflow/tfjs';
import type { GaussianMixture } from '../protocol/values.ts';
import type { Rng } from './rng.ts';

/** `sampleData(n, rng) => [n,dx]` of the spec: a mixture of Gaussians drawn with the caller's `rng`, so the same rng gives the same data. */
export function makeSampler(tf: typeof tfjs, { means, stds, weights }: GaussianMixture): (n: number, rng: Rng) => tfjs.Tensor2D {
  const dx = means[0].length;
  return (n, rng) => {
    if (!rng || typeof rng.uniform !== 'function' || typeof rng.normal !== 'function') {
      throw new TypeError('sampleData(n, rng) draws with the Rng it is given: pass it the rng that trainGAN received');
    }
    const [u, e] = [rng.uniform([n]), rng.normal([n, dx])];
    const [us, es] = [u.dataSync(), e.dataSync()];
    tf.dispose([u, e]);
    const out = new Float32Array(n * dx);
    for (let i = 0; i < n; i++) {
      const c = component(weights, us[i]);
      for (let j = 0; j < dx; j++) out[i * dx + j] = means[c][j] + stds[c] * es[i * dx + j];
    }
    return tf.tensor2d(out, [n, dx]);
  };
}

/** The first component whose cumulative weight exceeds `u` (the last one if rounding leaves none). */
function component(weights: number[], u: number): number {
  let cumulative = 0;
  for (let c = 0; c < weights.length; c++) {
    cumulative += weights[c];
    if (u < cumulative) return c;
  }
  return weights.length - 1;
}
