/**
 * hw6: masked convolution for PixelCNN.
 *
 * Pixels are generated in raster order (row by row, left to right, and within
 * a pixel channel by channel: R, then G, then B). Masked convolutions make
 * every output depend only on inputs earlier in that order, so one forward
 * pass gives the conditionals of all positions at once. Images are NHWC,
 * filters HWIO.
 */
import * as tf from '@tensorflow/tfjs';

/** One masked convolution: filters `[kh,kw,inC,outC]`, bias `[outC]`. */
export type ConvLayer = { filters: tf.Tensor4D; bias: tf.Tensor1D };

/** A PixelCNN: layer 0 is type A, every later layer type B; `groups` is 3 exactly when the images have 3 channels. */
export type PixelCnn = { groups: 1 | 3; layers: ConvLayer[] };

/** The `[kh,kw,inC,outC]` float32 mask: 1 where a tap may be used, 0 elsewhere (kh, kw odd). */
export function createMask(kh: number, kw: number, inC: number, outC: number, type: 'A' | 'B', groups: 1 | 3): tf.Tensor4D {
  // BEGIN SOLUTION
  const [ci, cj] = [Math.floor(kh / 2), Math.floor(kw / 2)];
  // The channel group (R, G, B) of a channel: groups are contiguous blocks of equal size.
  const groupOf = (channel: number, count: number) => Math.floor(channel / (count / groups));
  const centreAllowed = (i: number, o: number) => {
    const [gi, go] = [groupOf(i, inC), groupOf(o, outC)];
    return type === 'A' ? gi < go : gi <= go;
  };
  const mask = new Float32Array(kh * kw * inC * outC);
  let k = 0;
  for (let r = 0; r < kh; r++) {
    for (let s = 0; s < kw; s++) {
      for (let i = 0; i < inC; i++) {
        for (let o = 0; o < outC; o++) {
          const past = r < ci || (r === ci && s < cj);
          const centre = r === ci && s === cj;
          mask[k++] = past || (centre && centreAllowed(i, o)) ? 1 : 0;
        }
      }
    }
  }
  return tf.tensor4d(mask, [kh, kw, inC, outC]);
  // END SOLUTION
}

/** `conv2d(x, filters * mask, stride 1, 'same') + bias`: x `[n,H,W,inC]` to `[n,H,W,outC]`. */
export function maskedConv2d(x: tf.Tensor4D, filters: tf.Tensor4D, bias: tf.Tensor1D, mask: tf.Tensor4D): tf.Tensor4D {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.add(tf.conv2d(x, tf.mul(filters, mask) as tf.Tensor4D, 1, 'same'), bias));
  // END SOLUTION
}

/** Logits `[n,H,W,C,K]` for images x `[n,H,W,C]` of levels scaled to [0,1]: channel c's K logits are output channels c*K .. c*K+K-1. */
export function pixelCnnForward(x: tf.Tensor4D, net: PixelCnn): tf.Tensor5D {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const [n, H, W, C] = x.shape;
    const last = net.layers.length - 1;
    let h = x;
    net.layers.forEach(({ filters, bias }, l) => {
      const [kh, kw, inC, outC] = filters.shape;
      const mask = createMask(kh, kw, inC, outC, l === 0 ? 'A' : 'B', net.groups);
      const y = maskedConv2d(h, filters, bias, mask);
      h = l === last ? y : tf.relu(y);
    });
    const K = h.shape[3] / C;
    return tf.reshape(h, [n, H, W, C, K]) as tf.Tensor5D;
  });
  // END SOLUTION
}

/** Mean negative log-likelihood in bits of the true levels x (int32 `[n,H,W,C]`) under softmax(logits) over the last axis. */
export function bitsPerDim(logits: tf.Tensor5D, x: tf.Tensor4D): number {
  // BEGIN SOLUTION
  const K = logits.shape[4];
  const nats = tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(x, K), tf.logSoftmax(logits)), -1))));
  const value = nats.dataSync()[0];
  nats.dispose();
  return value / Math.LN2;
  // END SOLUTION
}

/** n images of levels (int32 `[n,H,W,C]`) drawn pixel by pixel in raster order, with the uniforms u `[n,H,W,C]`. */
export async function sample(net: PixelCnn, n: number, H: number, W: number, C: number, K: number, u: tf.Tensor4D): Promise<tf.Tensor4D> {
  // BEGIN SOLUTION
  const draws = await u.data();
  const levels = new Int32Array(n * H * W * C);
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      for (let c = 0; c < C; c++) {
        const probs = tf.tidy(() => {
          const x = tf.div(tf.tensor4d(levels, [n, H, W, C], 'float32'), K - 1) as tf.Tensor4D;
          const logits = tf.slice(pixelCnnForward(x, net), [0, i, j, c, 0], [n, 1, 1, 1, K]);
          return tf.softmax(tf.reshape(logits, [n, K]));
        });
        const p = await probs.data();
        probs.dispose();
        for (let b = 0; b < n; b++) {
          const at = ((b * H + i) * W + j) * C + c;
          let level = 0;
          let cumulative = p[b * K];
          while (level < K - 1 && cumulative <= draws[at]) {
            level++;
            cumulative += p[b * K + level];
          }
          levels[at] = level;
        }
      }
    }
  }
  return tf.tensor4d(levels, [n, H, W, C], 'int32');
  // END SOLUTION
}
