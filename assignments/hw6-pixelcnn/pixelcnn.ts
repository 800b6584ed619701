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
  throw new Error('Not implemented: createMask (pixelcnn.ts)');
}

/** `conv2d(x, filters * mask, stride 1, 'same') + bias`: x `[n,H,W,inC]` to `[n,H,W,outC]`. */
export function maskedConv2d(x: tf.Tensor4D, filters: tf.Tensor4D, bias: tf.Tensor1D, mask: tf.Tensor4D): tf.Tensor4D {
  throw new Error('Not implemented: maskedConv2d (pixelcnn.ts)');
}

/** Logits `[n,H,W,C,K]` for images x `[n,H,W,C]` of levels scaled to [0,1]: channel c's K logits are output channels c*K .. c*K+K-1. */
export function pixelCnnForward(x: tf.Tensor4D, net: PixelCnn): tf.Tensor5D {
  throw new Error('Not implemented: pixelCnnForward (pixelcnn.ts)');
}

/** Mean negative log-likelihood in bits of the true levels x (int32 `[n,H,W,C]`) under softmax(logits) over the last axis. */
export function bitsPerDim(logits: tf.Tensor5D, x: tf.Tensor4D): number {
  throw new Error('Not implemented: bitsPerDim (pixelcnn.ts)');
}

/** n images of levels (int32 `[n,H,W,C]`) drawn pixel by pixel in raster order, with the uniforms u `[n,H,W,C]`. */
export async function sample(net: PixelCnn, n: number, H: number, W: number, C: number, K: number, u: tf.Tensor4D): Promise<tf.Tensor4D> {
  throw new Error('Not implemented: sample (pixelcnn.ts)');
}
