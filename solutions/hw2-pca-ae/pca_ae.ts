import * as tf from '@tensorflow/tfjs';

/** Linear autoencoder parameters: encoder `We [d,m]`, `be [m]`; decoder `Wd [m,d]`, `bd [d]`. */
export type AEParams = { We: tf.Tensor2D; be: tf.Tensor1D; Wd: tf.Tensor2D; bd: tf.Tensor1D };

/** Column means of `X [n,d]` and `X` with them subtracted from every row. */
export function centerData(X: tf.Tensor2D): { mean: tf.Tensor1D; centered: tf.Tensor2D } {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const mean = tf.mean(X, 0) as tf.Tensor1D;
    return { mean, centered: tf.sub(X, mean) as tf.Tensor2D };
  });
  // END SOLUTION
}

/** Sample covariance `Xc^T Xc / (n-1)` [d,d] of the rows of `X [n,d]`, `Xc` centered. */
export function covariance(X: tf.Tensor2D): tf.Tensor2D {
  // BEGIN SOLUTION
  const n = X.shape[0];
  return tf.tidy(() => {
    const { mean, centered } = centerData(X);
    mean.dispose();
    return tf.matMul(tf.transpose(centered), centered).div(n - 1) as tf.Tensor2D;
  });
  // END SOLUTION
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
  // BEGIN SOLUTION
  const d = S.shape[0];
  let Q = tf.eye(d, m) as tf.Tensor2D;
  for (let t = 0; t < iters; t++) {
    const next = tf.tidy(() => tf.linalg.qr(tf.matMul(S, Q))[0] as tf.Tensor2D);
    Q.dispose();
    Q = next;
  }
  const result = tf.tidy(() => {
    // Rayleigh quotients q_j^T S q_j, and the sign of each column's largest-magnitude entry.
    const values = tf.sum(tf.mul(Q, tf.matMul(S, Q)), 0) as tf.Tensor1D;
    const rows = tf.argMax(tf.abs(Q), 0);
    const picked = tf.sum(tf.mul(Q, tf.oneHot(rows, d).transpose()), 0);
    const vectors = tf.mul(Q, tf.sign(picked)) as tf.Tensor2D;
    return { values, vectors };
  });
  Q.dispose();
  return result;
  // END SOLUTION
}

/** PCA of `X [n,d]`: column means, the top `m` principal axes as rows, and their variances. */
export function pca(
  X: tf.Tensor2D,
  m: number,
): { mean: tf.Tensor1D; components: tf.Tensor2D; explainedVariance: tf.Tensor1D } {
  // BEGIN SOLUTION
  // Fixtures keep consecutive top eigenvalues at a ratio of at most 0.6: 0.6^80 < 1e-17.
  const iters = 80;
  return tf.tidy(() => {
    const { mean, centered } = centerData(X);
    centered.dispose();
    const { values, vectors } = topEigenvectors(covariance(X), m, iters);
    return { mean, components: tf.transpose(vectors) as tf.Tensor2D, explainedVariance: values };
  });
  // END SOLUTION
}

/** Linear autoencoder: `code = X We + be` [n,m] and `recon = code Wd + bd` [n,d]. */
export function linearAEForward(X: tf.Tensor2D, p: AEParams): { code: tf.Tensor2D; recon: tf.Tensor2D } {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const code = tf.add(tf.matMul(X, p.We), p.be) as tf.Tensor2D;
    const recon = tf.add(tf.matMul(code, p.Wd), p.bd) as tf.Tensor2D;
    return { code, recon };
  });
  // END SOLUTION
}

/** Loss `(1/n) sum_i ||recon_i - x_i||^2` and its gradients, derived by hand (no autodiff). */
export function linearAELossAndGrads(X: tf.Tensor2D, p: AEParams): { loss: number; grads: AEParams } {
  // BEGIN SOLUTION
  const n = X.shape[0];
  const { lossT, grads } = tf.tidy(() => {
    const { code, recon } = linearAEForward(X, p);
    const residual = tf.sub(recon, X);
    const lossT = tf.sum(tf.square(residual)).div(n);
    const dRecon = residual.mul(2 / n); // d loss / d recon
    const dCode = tf.matMul(dRecon, tf.transpose(p.Wd));
    const grads: AEParams = {
      We: tf.matMul(tf.transpose(X), dCode) as tf.Tensor2D,
      be: tf.sum(dCode, 0) as tf.Tensor1D,
      Wd: tf.matMul(tf.transpose(code), dRecon) as tf.Tensor2D,
      bd: tf.sum(dRecon, 0) as tf.Tensor1D,
    };
    return { lossT, grads };
  });
  const loss = lossT.dataSync()[0];
  lossT.dispose();
  return { loss, grads };
  // END SOLUTION
}

/** `steps` of full-batch gradient descent `p <- p - lr * grad` from `p0`, recording the loss before each step. */
export function trainLinearAE(
  X: tf.Tensor2D,
  p0: AEParams,
  steps: number,
  lr: number,
): { params: AEParams; losses: number[] } {
  // BEGIN SOLUTION
  let p: AEParams = tf.tidy(() => ({ We: p0.We.clone(), be: p0.be.clone(), Wd: p0.Wd.clone(), bd: p0.bd.clone() }));
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const { loss, grads } = linearAELossAndGrads(X, p);
    losses.push(loss);
    const next: AEParams = tf.tidy(() => ({
      We: tf.sub(p.We, tf.mul(grads.We, lr)),
      be: tf.sub(p.be, tf.mul(grads.be, lr)),
      Wd: tf.sub(p.Wd, tf.mul(grads.Wd, lr)),
      bd: tf.sub(p.bd, tf.mul(grads.bd, lr)),
    }));
    tf.dispose([p, grads]);
    p = next;
  }
  return { params: p, losses };
  // END SOLUTION
}

/** Distance `||QA QA^T - QB QB^T||_F / sqrt(2)` between the column spaces of `A [d,m]` and `B [d,m]`. */
export function subspaceDistance(A: tf.Tensor2D, B: tf.Tensor2D): number {
  // BEGIN SOLUTION
  const dist = tf.tidy(() => {
    const QA = tf.linalg.qr(A)[0];
    const QB = tf.linalg.qr(B)[0];
    const diff = tf.sub(tf.matMul(QA, tf.transpose(QA)), tf.matMul(QB, tf.transpose(QB)));
    return tf.norm(diff).div(Math.SQRT2);
  });
  const value = dist.dataSync()[0];
  dist.dispose();
  return value;
  // END SOLUTION
}
