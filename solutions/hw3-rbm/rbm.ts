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
  // BEGIN SOLUTION
  return tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(v, W), c)) as tf.Tensor2D);
  // END SOLUTION
}

/** p(v_i = 1 | h) = sigmoid(h W^T + b), shape [n,D]. */
export function visibleProbs(h: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(h, tf.transpose(W)), b)) as tf.Tensor2D);
  // END SOLUTION
}

/** Bernoulli samples: 1 where u < p, else 0 (float32, the shape of p). */
export function sampleBernoulli(p: tf.Tensor, u: tf.Tensor): tf.Tensor {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.cast(tf.less(u, p), 'float32'));
  // END SOLUTION
}

/** Free energy F(v) = -v.b - sum_j softplus(c_j + (v W)_j), shape [n]. */
export function freeEnergy(v: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D): tf.Tensor1D {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const visibleTerm = tf.sum(tf.mul(v, b), 1);
    const hiddenTerm = tf.sum(tf.softplus(tf.add(tf.matMul(v, W), c)), 1);
    return tf.neg(tf.add(visibleTerm, hiddenTerm)) as tf.Tensor1D;
  });
  // END SOLUTION
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
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const n = v0.shape[0];
    const uHs = tf.unstack(uH);
    const uVs = tf.unstack(uV);
    const ph0 = hiddenProbs(v0, W, c);
    let h = sampleBernoulli(ph0, uHs[0]) as tf.Tensor2D;
    let vk = v0;
    let phk = ph0;
    for (let t = 1; t <= k; t++) {
      vk = sampleBernoulli(visibleProbs(h, W, b), uVs[t - 1]) as tf.Tensor2D;
      phk = hiddenProbs(vk, W, c);
      if (t < k) h = sampleBernoulli(phk, uHs[t]) as tf.Tensor2D;
    }
    const positive = tf.matMul(tf.transpose(v0), ph0);
    const negative = tf.matMul(tf.transpose(vk), phk);
    const dW = tf.div(tf.sub(positive, negative), n) as tf.Tensor2D;
    const db = tf.mean(tf.sub(v0, vk), 0) as tf.Tensor1D;
    const dc = tf.mean(tf.sub(ph0, phk), 0) as tf.Tensor1D;
    return { dW, db, dc };
  });
  // END SOLUTION
}

/** Exact log Z by enumerating all 2^H hidden states (H <= 16), with log-sum-exp. */
export function logPartition(W: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D): number {
  // BEGIN SOLUTION
  const H = W.shape[1];
  const logZ = tf.tidy(() => {
    const rows = Array.from({ length: 2 ** H }, (_, s) => Array.from({ length: H }, (_, j) => (s >> j) & 1));
    const states = tf.tensor2d(rows, [rows.length, H]);
    // With the roles of v and h swapped, -F(h) = c.h + sum_i softplus(b_i + (W h)_i).
    return tf.logSumExp(tf.neg(freeEnergy(states, tf.transpose(W), c, b)));
  });
  const value = logZ.dataSync()[0];
  logZ.dispose();
  return value;
  // END SOLUTION
}

/** Exact mean log-likelihood of the rows of v: mean(-F(v)) - log Z. */
export function averageLogLikelihood(v: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D): number {
  // BEGIN SOLUTION
  const meanNegF = tf.tidy(() => tf.mean(tf.neg(freeEnergy(v, W, b, c))));
  const value = meanNegF.dataSync()[0];
  meanNegF.dispose();
  return value - logPartition(W, b, c);
  // END SOLUTION
}

/** Mini-batch CD-k gradient ascent p <- p + lr * grad from p0 (graded on the likelihood gained: the order of batches and draws is yours). */
export function trainRBM(data: tf.Tensor2D, p0: RBM, options: TrainOptions, rng: Rng): RBM {
  // BEGIN SOLUTION
  const { epochs, batchSize, lr, k } = options;
  const [n, D] = data.shape;
  const H = p0.W.shape[1];
  let p: RBM = { W: tf.clone(p0.W), b: tf.clone(p0.b), c: tf.clone(p0.c) };
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = tf.tidy(() => tf.topk(rng.uniform([n]), n).indices);
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      const next = tf.tidy((): RBM => {
        const v0 = tf.gather(data, tf.slice(order, start, size));
        const g = cdGradients(v0, p.W, p.b, p.c, k, rng.uniform([k, size, H]) as tf.Tensor3D, rng.uniform([k, size, D]) as tf.Tensor3D);
        return {
          W: tf.add(p.W, tf.mul(g.dW, lr)),
          b: tf.add(p.b, tf.mul(g.db, lr)),
          c: tf.add(p.c, tf.mul(g.dc, lr)),
        };
      });
      tf.dispose([p.W, p.b, p.c]);
      p = next;
    }
    order.dispose();
  }
  return p;
  // END SOLUTION
}
