import * as tf from '@tensorflow/tfjs';

/** Linear autoencoder parameters: encoder `We [d,m]`, `be [m]`; decoder `Wd [m,d]`, `bd [d]`. */
export type AEParams = { We: tf.Tensor2D; be: tf.Tensor1D; Wd: tf.Tensor2D; bd: tf.Tensor1D };

/** Column means of `X [n,d]` and `X` with them subtracted from every row. */
export function centerData(X: tf.Tensor2D): { mean: tf.Tensor1D; centered: tf.Tensor2D } {
  throw new Error('Not implemented: centerData (pca_ae.ts)');
}

/** Sample covariance `Xc^T Xc / (n-1)` [d,d] of the rows of `X [n,d]`, `Xc` centered. */
export function covariance(X: tf.Tensor2D): tf.Tensor2D {
  throw new Error('Not implemented: covariance (pca_ae.ts)');
}

/**
 * The `m` largest eigenpairs of a symmetric PSD `S [d,d]` after `iters` steps of
 * power or orthogonal iteration: values descending, each vector's largest-magnitude entry positive.
 */
export function topEigenvectors(
  S: tf.Tensor2D,
  m: number,
  iters: number,
): { values: tf.Tensor1D; vectors: tf.Tensor2D } {
  throw new Error('Not implemented: topEigenvectors (pca_ae.ts)');
}

/** PCA of `X [n,d]`: column means, the top `m` principal axes as rows, and their variances. */
export function pca(
  X: tf.Tensor2D,
  m: number,
): { mean: tf.Tensor1D; components: tf.Tensor2D; explainedVariance: tf.Tensor1D } {
  throw new Error('Not implemented: pca (pca_ae.ts)');
}

/** Linear autoencoder: `code = X We + be` [n,m] and `recon = code Wd + bd` [n,d]. */
export function linearAEForward(X: tf.Tensor2D, p: AEParams): { code: tf.Tensor2D; recon: tf.Tensor2D } {
  throw new Error('Not implemented: linearAEForward (pca_ae.ts)');
}

/** Loss `(1/n) sum_i ||recon_i - x_i||^2` and its gradients, derived by hand (no autodiff). */
export function linearAELossAndGrads(X: tf.Tensor2D, p: AEParams): { loss: number; grads: AEParams } {
  throw new Error('Not implemented: linearAELossAndGrads (pca_ae.ts)');
}

/** `steps` of full-batch gradient descent `p <- p - lr * grad` from `p0`, recording the loss before each step. */
export function trainLinearAE(
  X: tf.Tensor2D,
  p0: AEParams,
  steps: number,
  lr: number,
): { params: AEParams; losses: number[] } {
  throw new Error('Not implemented: trainLinearAE (pca_ae.ts)');
}

/** Distance `||QA QA^T - QB QB^T||_F / sqrt(2)` between the column spaces of `A [d,m]` and `B [d,m]`. */
export function subspaceDistance(A: tf.Tensor2D, B: tf.Tensor2D): number {
  throw new Error('Not implemented: subspaceDistance (pca_ae.ts)');
}
