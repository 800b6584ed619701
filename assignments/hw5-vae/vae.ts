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
  throw new Error('Not implemented: reparameterize (vae.ts)');
}

/** KL(N(mu, exp(logVar)) || N(0, I)) = 0.5 sum_j (exp(logVar) + mu^2 - 1 - logVar), shape [n]. */
export function gaussianKL(mu: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  throw new Error('Not implemented: gaussianKL (vae.ts)');
}

/** log p(x|logits) = sum_d x log sigmoid(l) + (1-x) log(1 - sigmoid(l)), stable for logits of any size, shape [n]. */
export function bernoulliLogLikelihood(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  throw new Error('Not implemented: bernoulliLogLikelihood (vae.ts)');
}

/** log N(x; mean, diag(exp(logVar))) = sum_d -0.5 (log(2 pi) + logVar + (x - mean)^2 / exp(logVar)), shape [n]. */
export function gaussianLogLikelihood(x: tf.Tensor2D, mean: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  throw new Error('Not implemented: gaussianLogLikelihood (vae.ts)');
}

/** One-sample ELBO with z = reparameterize(mu, logVar, eps): {elbo = recon - kl, recon, kl}, each [n]. */
export function elbo(
  x: tf.Tensor2D,
  encoder: Encoder,
  decoder: Decoder,
  eps: tf.Tensor2D,
): { elbo: tf.Tensor1D; recon: tf.Tensor1D; kl: tf.Tensor1D } {
  throw new Error('Not implemented: elbo (vae.ts)');
}

/** The importance-weighted bound log (1/K) sum_k w_k with the K draws eps [K,n,m], by log-sum-exp, shape [n]. */
export function iwaeBound(x: tf.Tensor2D, encoder: Encoder, decoder: Decoder, eps: tf.Tensor3D): tf.Tensor1D {
  throw new Error('Not implemented: iwaeBound (vae.ts)');
}

/** Adam on -mean(elbo) over mini-batches of `data`, from `params0` (graded on the ELBO reached: batches and draws are yours). */
export function trainVAE(data: tf.Tensor2D, params0: VAEParams, options: TrainOptions, rng: Rng): VAEParams {
  throw new Error('Not implemented: trainVAE (vae.ts)');
}
