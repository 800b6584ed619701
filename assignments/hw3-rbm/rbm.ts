import * as tf from '@tensorflow/tfjs';

/** RBM parameters: weights `W [D,H]`, visible bias `b [D]`, hidden bias `c [H]`. */
export type RBM = { W: tf.Tensor2D; b: tf.Tensor1D; c: tf.Tensor1D };

/** CD-k gradient estimates, one per parameter (ascent direction). */
export type RBMGradients = { dW: tf.Tensor2D; db: tf.Tensor1D; dc: tf.Tensor1D };

/** Hyper-parameters of `trainRBM`. */
export type TrainOptions = { epochs: number; batchSize: number; lr: number; k: number };

/** A seeded random source, made by the grader; you dispose the tensors it returns. */
export type Rng = {
  uniform(shape: number[]): tf.Tensor;
  normal(shape: number[]): tf.Tensor;
};

/** p(h_j = 1 | v) = sigmoid(v W + c), shape [n,H]. */
export function hiddenProbs(v: tf.Tensor2D, W: tf.Tensor2D, c: tf.Tensor1D): tf.Tensor2D {
  throw new Error('Not implemented: hiddenProbs (rbm.ts)');
}

/** p(v_i = 1 | h) = sigmoid(h W^T + b), shape [n,D]. */
export function visibleProbs(h: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  throw new Error('Not implemented: visibleProbs (rbm.ts)');
}

/** Bernoulli samples: 1 where u < p, else 0 (float32, the shape of p). */
export function sampleBernoulli(p: tf.Tensor, u: tf.Tensor): tf.Tensor {
  throw new Error('Not implemented: sampleBernoulli (rbm.ts)');
}

/** Free energy F(v) = -v.b - sum_j softplus(c_j + (v W)_j), shape [n]. */
export function freeEnergy(v: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D): tf.Tensor1D {
  throw new Error('Not implemented: freeEnergy (rbm.ts)');
}

/** CD-k estimates of the gradient of the mean log-likelihood, with the chain's draws uH [k,n,H], uV [k,n,D]. */
export function cdGradients(
  v0: tf.Tensor2D,
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  c: tf.Tensor1D,
  k: number,
  uH: tf.Tensor3D,
  uV: tf.Tensor3D,
): RBMGradients {
  throw new Error('Not implemented: cdGradients (rbm.ts)');
}

/** Exact log Z by enumerating all 2^H hidden states (H <= 16), with log-sum-exp. */
export function logPartition(W: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D): number {
  throw new Error('Not implemented: logPartition (rbm.ts)');
}

/** Exact mean log-likelihood of the rows of v: mean(-F(v)) - log Z. */
export function averageLogLikelihood(v: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D): number {
  throw new Error('Not implemented: averageLogLikelihood (rbm.ts)');
}

/** Mini-batch CD-k gradient ascent p <- p + lr * grad from p0 (graded on the likelihood gained: the order of batches and draws is yours). */
export function trainRBM(data: tf.Tensor2D, p0: RBM, options: TrainOptions, rng: Rng): RBM {
  throw new Error('Not implemented: trainRBM (rbm.ts)');
}
