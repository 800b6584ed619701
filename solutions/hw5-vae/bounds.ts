/** Staff-side bounds for hw5's generators and properties, computed with the reference on the grader's cpu backend. */
import type * as tfjs from '@tensorflow/tfjs';
import type { CaseValue, MlpFunctionSpec } from '../../grader/staff/api.ts';
import { bernoulliLogLikelihood, elbo, iwaeBound, mlpForward, type Decoder, type Encoder, type Mlp, type VAEParams } from './vae.ts';

type Tensor2D = tfjs.Tensor2D;

/** The Ks whose mean bounds must not decrease. */
export const MONOTONE_KS = [1, 5, 50];

/** What the student's encoder does with a `gaussian` spec (harness/child/mlp-function.ts), here with the reference's mlpForward. */
export const encoderOf = (tf: typeof tfjs, p: Mlp): Encoder => (x) =>
  tf.tidy(() => {
    const [mu, logVar] = tf.split(mlpForward(p, x), 2, 1) as Tensor2D[];
    return { mu, logVar };
  });

export const decoderOf = (p: Mlp): Decoder => (z) => mlpForward(p, z);

const mlpOf = (spec: CaseValue): Mlp => (spec as unknown as MlpFunctionSpec).mlpFunction as unknown as Mlp;

/** The encoder and decoder of an elbo or iwaeBound case, from its arguments 2 and 3. */
export const networksOf = (tf: typeof tfjs, encoder: CaseValue, decoder: CaseValue) => ({
  encoder: encoderOf(tf, mlpOf(encoder)),
  decoder: decoderOf(mlpOf(decoder)),
});

/** The mean of `t` as a number; disposes `t`. */
const meanOf = (tf: typeof tfjs, t: tfjs.Tensor): number => {
  const m = tf.mean(t);
  const value = m.dataSync()[0];
  tf.dispose([m, t]);
  return value;
};

/** The reference's mean iwaeBound over the rows for each K of MONOTONE_KS up to the draws' K, on the leading draws. */
export function iwaeDrawsMeans(tf: typeof tfjs, x: Tensor2D, encoder: CaseValue, decoder: CaseValue, eps: tfjs.Tensor3D): { K: number; mean: number }[] {
  const nets = networksOf(tf, encoder, decoder);
  return MONOTONE_KS.filter((K) => K <= eps.shape[0]).map((K) => {
    const lead = tf.slice(eps, 0, K) as tfjs.Tensor3D;
    const value = meanOf(tf, iwaeBound(x, nets.encoder, nets.decoder, lead));
    lead.dispose();
    return { K, mean: value };
  });
}

/**
 * The one-sample ELBO with the KL replaced by its estimate at the draw, written from eps:
 * log p(x|z) + log p(z) - log q(z|x), where log q(z|x) = sum_j -0.5 (log(2 pi) + logVar_j + eps_j^2).
 */
export function sampledElbo(tf: typeof tfjs, x: Tensor2D, encoder: Encoder, decoder: Decoder, eps: Tensor2D): tfjs.Tensor1D {
  return tf.tidy(() => {
    const { mu, logVar } = encoder(x);
    const z = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps));
    const logPz = tf.mul(-0.5, tf.sum(tf.square(z), 1));
    const logQz = tf.mul(-0.5, tf.sum(tf.add(logVar, tf.square(eps)), 1));
    return tf.add(bernoulliLogLikelihood(x, decoder(z as Tensor2D)), tf.sub(logPz, logQz)) as tfjs.Tensor1D;
  });
}

/** Mean one-sample ELBO of `params` over the rows of `data`, averaged over `draws` seeded draws per row: how trainVAE is judged. */
export function meanElbo(tf: typeof tfjs, data: Tensor2D, params: VAEParams, draws: number, seed: number): number {
  const m = params.enc.W[params.enc.W.length - 1].shape[1] / 2;
  const encoder = encoderOf(tf, params.enc);
  const decoder = decoderOf(params.dec);
  const total = tf.tidy(() => {
    const eps = tf.randomNormal([draws, data.shape[0], m], 0, 1, 'float32', seed);
    return tf.addN(tf.unstack(eps).map((e) => tf.mean(elbo(data, encoder, decoder, e as Tensor2D).elbo)));
  });
  return meanOf(tf, total) / draws;
}
