import * as tf from '@tensorflow/tfjs';

/** A small MLP: `x = relu(x W[i] + b[i])` for every layer but the last, which is linear. */
export type Mlp = { W: tf.Tensor2D[]; b: tf.Tensor1D[] };

/** The encoder `q(z|x) = N(mu, diag(exp(logVar)))`, given by the grader as a function. */
export type Encoder = (x: tf.Tensor2D) => { mu: tf.Tensor2D; logVar: tf.Tensor2D };

/** The decoder: Bernoulli logits `[n,d]` of `p(x|z)`, given by the grader as a function. */
export type Decoder = (z: tf.Tensor2D) => tf.Tensor2D;

/** A VAE's parameters: `enc(x)` has `2m` columns (`mu`, then `logVar`), `dec(z)` the `d` logits. */
export type VAEParams = { enc: Mlp; dec: Mlp };

/** Hyper-parameters of `trainVAE`. */
export type TrainOptions = { steps: number; batchSize: number; lr: number };

/** A seeded random source, made by the grader; you dispose the tensors it returns. */
export type Rng = {
  uniform(shape: number[]): tf.Tensor;
  normal(shape: number[]): tf.Tensor;
};

/** Applies the MLP `p` to the rows of `x` (ready-made: not graded). */
export function mlpForward(p: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() =>
    p.W.reduce((h: tf.Tensor2D, W, i) => {
      const a = tf.add(tf.matMul(h, W), p.b[i]) as tf.Tensor2D;
      return i < p.W.length - 1 ? tf.relu(a) : a;
    }, x),
  );
}

/** z = mu + exp(0.5 logVar) * eps, shape [n,m]. */
export function reparameterize(mu: tf.Tensor2D, logVar: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps)) as tf.Tensor2D);
  // END SOLUTION
}

/** KL(N(mu, exp(logVar)) || N(0, I)) = 0.5 sum_j (exp(logVar) + mu^2 - 1 - logVar), shape [n]. */
export function gaussianKL(mu: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mu)), tf.add(1, logVar)), 1)) as tf.Tensor1D);
  // END SOLUTION
}

/** log p(x|logits) = sum_d x log sigmoid(l) + (1-x) log(1 - sigmoid(l)), stable for logits of any size, shape [n]. */
export function bernoulliLogLikelihood(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  // BEGIN SOLUTION
  // log sigmoid(l) = l - softplus(l) and log(1 - sigmoid(l)) = -softplus(l): no exp of a large number, no log of 0.
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(x, logits), tf.softplus(logits)), 1) as tf.Tensor1D);
  // END SOLUTION
}

/** log N(x; mean, diag(exp(logVar))) = sum_d -0.5 (log(2 pi) + logVar + (x - mean)^2 / exp(logVar)), shape [n]. */
export function gaussianLogLikelihood(x: tf.Tensor2D, mean: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const scaled = tf.div(tf.square(tf.sub(x, mean)), tf.exp(logVar));
    return tf.mul(-0.5, tf.sum(tf.add(tf.add(logVar, Math.log(2 * Math.PI)), scaled), 1)) as tf.Tensor1D;
  });
  // END SOLUTION
}

/** One-sample ELBO with z = reparameterize(mu, logVar, eps): {elbo = recon - kl, recon, kl}, each [n]. */
export function elbo(
  x: tf.Tensor2D,
  encoder: Encoder,
  decoder: Decoder,
  eps: tf.Tensor2D,
): { elbo: tf.Tensor1D; recon: tf.Tensor1D; kl: tf.Tensor1D } {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const { mu, logVar } = encoder(x);
    const recon = bernoulliLogLikelihood(x, decoder(reparameterize(mu, logVar, eps)));
    const kl = gaussianKL(mu, logVar);
    return { elbo: tf.sub(recon, kl) as tf.Tensor1D, recon, kl };
  });
  // END SOLUTION
}

/** The importance-weighted bound log (1/K) sum_k w_k with the K draws eps [K,n,m], by log-sum-exp, shape [n]. */
export function iwaeBound(x: tf.Tensor2D, encoder: Encoder, decoder: Decoder, eps: tf.Tensor3D): tf.Tensor1D {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const { mu, logVar } = encoder(x);
    const logWeights = tf.unstack(eps).map((e) => {
      const z = reparameterize(mu, logVar, e as tf.Tensor2D);
      const logPz = gaussianLogLikelihood(z, tf.zerosLike(z), tf.zerosLike(z));
      const logQz = gaussianLogLikelihood(z, mu, logVar);
      return tf.add(bernoulliLogLikelihood(x, decoder(z)), tf.sub(logPz, logQz));
    });
    return tf.sub(tf.logSumExp(tf.stack(logWeights), 0), Math.log(eps.shape[0])) as tf.Tensor1D;
  });
  // END SOLUTION
}

/** Adam on -mean(elbo) over mini-batches of `data`, from `params0` (graded on the ELBO reached: batches and draws are yours). */
export function trainVAE(data: tf.Tensor2D, params0: VAEParams, options: TrainOptions, rng: Rng): VAEParams {
  // BEGIN SOLUTION
  const { steps, batchSize, lr } = options;
  const n = data.shape[0];
  const m = params0.enc.W[params0.enc.W.length - 1].shape[1] / 2;
  const variable = (p: Mlp): Mlp => ({ W: p.W.map((w) => tf.variable(w)), b: p.b.map((b) => tf.variable(b)) });
  const p: VAEParams = { enc: variable(params0.enc), dec: variable(params0.dec) };
  const encoder: Encoder = (x) => {
    const [mu, logVar] = tf.split(mlpForward(p.enc, x), 2, 1) as tf.Tensor2D[];
    return { mu, logVar };
  };
  const decoder: Decoder = (z) => mlpForward(p.dec, z);
  const variables = [...p.enc.W, ...p.enc.b, ...p.dec.W, ...p.dec.b] as tf.Variable[];
  const optimizer = tf.train.adam(lr);
  for (let step = 0; step < steps; step++) {
    tf.tidy(() => {
      const rows = tf.cast(tf.floor(tf.mul(rng.uniform([batchSize]), n)), 'int32');
      const batch = tf.gather(data, rows) as tf.Tensor2D;
      const eps = rng.normal([batchSize, m]) as tf.Tensor2D;
      optimizer.minimize(() => tf.neg(tf.mean(elbo(batch, encoder, decoder, eps).elbo)) as tf.Scalar, false, variables);
    });
  }
  optimizer.dispose();
  const copy = (q: Mlp): Mlp => ({ W: q.W.map((w) => tf.clone(w)), b: q.b.map((b) => tf.clone(b)) });
  const trained = { enc: copy(p.enc), dec: copy(p.dec) };
  tf.dispose(variables);
  return trained;
  // END SOLUTION
}
