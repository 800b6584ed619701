import * as tf from '@tensorflow/tfjs';

/** One tied-weight autoencoder layer: weights `W [din,dh]`, code bias `b [dh]`, reconstruction bias `bPrime [din]`. */
export type Layer = { W: tf.Tensor2D; b: tf.Tensor1D; bPrime: tf.Tensor1D };

/** Weight decay `lambda`, sparsity weight `beta`, target mean activation `rho` (strictly between 0 and 1). */
export type Hyper = { lambda: number; beta: number; rho: number };

/** Gradients of `layerLoss`, one per parameter of the layer. */
export type LayerGradients = { dW: tf.Tensor2D; db: tf.Tensor1D; dbPrime: tf.Tensor1D };

/** The codes `h = sigmoid(x W + b)`, shape [n,dh]. */
export function encode(x: tf.Tensor2D, layer: Layer): tf.Tensor2D {
  throw new Error('Not implemented: encode (stacked_ae.ts)');
}

/** The reconstruction `xhat = sigmoid(h W^T + bPrime)` through the tied weights, shape [n,din]. */
export function decode(h: tf.Tensor2D, layer: Layer): tf.Tensor2D {
  throw new Error('Not implemented: decode (stacked_ae.ts)');
}

/**
 * `(1/(2n)) sum_i ||xhat_i - x_i||^2 + (lambda/2) sum W^2 + beta sum_j KL(rho || rhohat_j)`,
 * with `rhohat_j = mean_i h_ij`, as a number.
 */
export function layerLoss(x: tf.Tensor2D, layer: Layer, hyper: Hyper): number {
  throw new Error('Not implemented: layerLoss (stacked_ae.ts)');
}

/** Gradients of `layerLoss` with respect to `W`, `b` and `bPrime`, derived by hand (no autodiff). */
export function layerGradients(x: tf.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients {
  throw new Error('Not implemented: layerGradients (stacked_ae.ts)');
}

/**
 * Greedy layer-wise pretraining: layer 0 learns to reconstruct `X`, then layer `k`
 * its input, the codes of the already-trained layers `0..k-1`; each gets `steps`
 * full-batch gradient-descent steps `p <- p - lr * grad` from `layers0[k]`.
 */
export function greedyPretrain(X: tf.Tensor2D, layers0: Layer[], hyper: Hyper, steps: number, lr: number): Layer[] {
  throw new Error('Not implemented: greedyPretrain (stacked_ae.ts)');
}

/** The codes of the whole stack: `encode` through every layer in order, shape [n, dh of the last layer]. */
export function encodeStack(X: tf.Tensor2D, layers: Layer[]): tf.Tensor2D {
  throw new Error('Not implemented: encodeStack (stacked_ae.ts)');
}
