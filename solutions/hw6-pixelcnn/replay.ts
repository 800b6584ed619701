/** Replays sampling step by step with the reference forward pass, for knife-edge checks and diagnoses. */
import type * as tfjs from '@tensorflow/tfjs';
import { pixelCnnForward, type PixelCnn } from './pixelcnn.ts';

/** Chooses the level at flat index `at` of the [n,H,W,C] image from that step's K probabilities; undefined stops the replay. */
export type PickLevel = (probs: Float32Array, at: number) => number | undefined;

/** Visiting order of the (row, col) pixels: the spec's raster order, or column by column (a bug). */
export type Order = 'raster' | 'columns';

/** The [n,H,W,C] levels a sampler that picks with `pick`, in `order`, ends with; undefined when `pick` stopped it. */
export function replaySample(tf: typeof tfjs, net: PixelCnn, shape: [number, number, number, number], K: number, order: Order, pick: PickLevel): Int32Array | undefined {
  const [n, H, W, C] = shape;
  const levels = new Int32Array(n * H * W * C);
  const pixels = Array.from({ length: H * W }, (_, k) => (order === 'raster' ? [Math.floor(k / W), k % W] : [k % H, Math.floor(k / H)]));
  for (const [i, j] of pixels) {
    for (let c = 0; c < C; c++) {
      const probs = tf.tidy(() => {
        const logits = pixelCnnForward(tf.div(tf.tensor4d(levels, shape, 'float32'), K - 1) as tfjs.Tensor4D, net);
        return tf.softmax(tf.reshape(tf.slice(logits, [0, i, j, c, 0], [n, 1, 1, 1, K]), [n, K])).dataSync() as Float32Array;
      });
      for (let b = 0; b < n; b++) {
        const at = ((b * H + i) * W + j) * C + c;
        const level = pick(probs.subarray(b * K, (b + 1) * K), at);
        if (level === undefined) return undefined;
        levels[at] = level;
      }
    }
  }
  return levels;
}

/** The spec's rule: the smallest level whose cumulative probability exceeds u, K-1 if rounding leaves none. */
export function inverseCdf(probs: ArrayLike<number>, u: number): number {
  let cumulative = 0;
  for (let k = 0; k < probs.length; k++) {
    cumulative += probs[k];
    if (cumulative > u) return k;
  }
  return probs.length - 1;
}
