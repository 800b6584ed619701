import type * as tfjs from '@tensorflow/tfjs';
import {
  defineProperty,
  isClose,
  isTensor,
  type CaseValue,
  type Diagnosis,
  type DiagnosisTable,
  type PropertyContext,
  type PropertyTable,
  type Tolerance,
} from '../../grader/staff/api.ts';
import { iwaeDrawsMeans, meanElbo, networksOf, sampledElbo } from './bounds.ts';
import { elbo, type VAEParams } from './vae.ts';

type Tensor = tfjs.Tensor;
type Tensor2D = tfjs.Tensor2D;

/** The failed check's tolerance: a diagnosis compares with the same rule. */
const toleranceOf = (ctx: PropertyContext): Tolerance => {
  if (!ctx.tolerance) throw new Error('hw5: the check names no tolerance');
  return ctx.tolerance;
};

const fmt = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

const nonFinite = (t: Tensor): boolean => Array.from(t.dataSync()).some((v) => !Number.isFinite(v));

/** The first hint whose candidate (computed on the case's inputs) the output matches. */
const firstMatch = (tf: typeof tfjs, actual: Tensor, t: Tolerance, candidates: [() => Tensor, string][]): string | undefined => {
  for (const [make, hint] of candidates) {
    const c = make();
    const hit = isClose(actual, c, t);
    tf.dispose(c);
    if (hit) return hint;
  }
  return undefined;
};

const STABLE_BERNOULLI =
  'NaN or Infinity: log(sigmoid(l)) and log(1 - sigmoid(l)) hit log(0) once |l| > ~17 in float32 (and 0 * -Infinity = NaN). ' +
  'Use the stable form x*l - softplus(l), i.e. log sigmoid(l) = -softplus(-l) and log(1 - sigmoid(l)) = -softplus(l)';

const diagnoseReparameterize: Diagnosis = (actual, ctx) => {
  if (!isTensor(actual)) return 'reparameterize returns a tensor [n,m]';
  const { tf } = ctx;
  const [mu, logVar, eps] = ctx.args as Tensor2D[];
  return firstMatch(tf, actual, toleranceOf(ctx), [
    [() => tf.add(mu, tf.mul(eps, logVar)), 'z = mu + eps * logVar: the noise is scaled by the standard deviation exp(0.5 logVar), not the log-variance'],
    [() => tf.add(mu, tf.mul(eps, tf.exp(logVar))), 'the noise is scaled by the variance exp(logVar): scale it by the standard deviation exp(0.5 logVar)'],
    [() => tf.add(mu, tf.mul(eps, tf.exp(tf.mul(-0.5, logVar)))), 'the noise is scaled by exp(-0.5 logVar): the standard deviation is exp(+0.5 logVar)'],
  ]);
};

const diagnoseKL: Diagnosis = (actual, ctx) => {
  if (!isTensor(actual)) return 'gaussianKL returns a tensor [n]';
  if (nonFinite(actual)) {
    return 'NaN or Infinity on log-variances far from 0: exp(-100) is 0 in float32, so log(exp(logVar)) or log(sigma^2) is -Infinity. Use logVar itself where the formula has log(sigma^2)';
  }
  const { tf } = ctx;
  const [mu] = ctx.args as Tensor2D[];
  const expected = ctx.expected as Tensor;
  const m = mu.shape[1];
  return firstMatch(tf, actual, toleranceOf(ctx), [
    [() => tf.neg(expected), 'the KL has the wrong sign: KL = +0.5 sum_j (exp(logVar) + mu^2 - 1 - logVar) >= 0'],
    [() => tf.add(expected, 0.5 * m), 'the KL is 0.5 m too large: the -1 inside the sum is missing'],
    [() => tf.div(expected, m), 'the KL is the mean over the latent dimensions: it is a sum over j'],
    [() => tf.mul(expected, 2), 'the KL is twice the expected: the factor 0.5 is missing'],
  ]);
};

const diagnoseBernoulli: Diagnosis = (actual, ctx) => {
  if (!isTensor(actual)) return 'bernoulliLogLikelihood returns a tensor [n]';
  if (nonFinite(actual)) return STABLE_BERNOULLI;
  const { tf } = ctx;
  const expected = ctx.expected as Tensor;
  return firstMatch(tf, actual, toleranceOf(ctx), [
    [() => tf.neg(expected), 'the sign is flipped: a log-likelihood of binary data is <= 0'],
    [() => tf.div(expected, (ctx.args[0] as Tensor2D).shape[1]), 'the output is a mean over the d features: it is a sum over d'],
  ]);
};

const diagnoseGaussian: Diagnosis = (actual, ctx) => {
  if (!isTensor(actual)) return 'gaussianLogLikelihood returns a tensor [n]';
  const { tf } = ctx;
  const [x, mean, logVar] = ctx.args as Tensor2D[];
  const d = x.shape[1];
  const withScale = (s: Tensor) => tf.mul(-0.5, tf.sum(tf.add(tf.add(logVar, Math.log(2 * Math.PI)), tf.div(tf.square(tf.sub(x, mean)), s)), 1));
  return firstMatch(tf, actual, toleranceOf(ctx), [
    [() => withScale(tf.exp(tf.mul(0.5, logVar))), '(x - mean)^2 is divided by the standard deviation exp(0.5 logVar): divide by the variance exp(logVar)'],
    [() => tf.add(ctx.expected as Tensor, 0.5 * d * Math.log(2 * Math.PI)), 'the constant -0.5 log(2 pi) per dimension is missing'],
  ]);
};

const diagnoseElbo: Diagnosis = (actual, ctx) => {
  const got = actual as { [k: string]: CaseValue } | null;
  const expected = ctx.expected as unknown as { elbo: Tensor; recon: Tensor; kl: Tensor };
  const keys = ['elbo', 'recon', 'kl'] as const;
  if (!got || typeof got !== 'object' || !keys.every((k) => isTensor(got[k]))) return 'elbo returns {elbo, recon, kl}, three tensors [n]';
  const t = toleranceOf(ctx);
  const off = keys.filter((k) => !isClose(got[k] as Tensor, expected[k], t));
  if (off.includes('kl')) return 'kl differs: it is gaussianKL(mu, logVar) of the encoder\'s output (check gaussianKL\'s own cases)';
  if (off.includes('recon')) {
    if (nonFinite(got.recon as Tensor)) return `recon is NaN or Infinity: the decoder's logits are large here. ${STABLE_BERNOULLI}`;
    return 'recon differs: z = reparameterize(mu, logVar, eps), then bernoulliLogLikelihood(x, decoder(z)) (decode z, not mu)';
  }
  if (off.includes('elbo')) {
    const plus = ctx.tf.add(expected.recon, expected.kl);
    const hit = isClose(got.elbo as Tensor, plus, t);
    plus.dispose();
    return hit ? 'elbo = recon + kl: the KL is subtracted, elbo = recon - kl' : 'elbo must be recon - kl';
  }
  return undefined;
};

/** log w for each draw [K,n], written from eps; `analyticKL` and `dropPriorConstant` are known bugs. */
const logWeights = (ctx: PropertyContext, variant: 'analyticKL' | 'dropPriorConstant' | 'none'): Tensor => {
  const { tf } = ctx;
  const [x, enc, dec, eps] = ctx.args as [Tensor2D, CaseValue, CaseValue, tfjs.Tensor3D];
  const { encoder, decoder } = networksOf(tf, enc, dec);
  const m = eps.shape[2];
  return tf.tidy(() =>
    tf.stack(
      tf.unstack(eps).map((e) => {
        if (variant === 'analyticKL') return elbo(x, encoder, decoder, e as Tensor2D).elbo;
        const w = sampledElbo(tf, x, encoder, decoder, e as Tensor2D);
        return variant === 'dropPriorConstant' ? tf.add(w, 0.5 * m * Math.log(2 * Math.PI)) : w;
      }),
    ),
  );
};

const diagnoseIwae: Diagnosis = (actual, ctx) => {
  if (!isTensor(actual)) return 'iwaeBound returns a tensor [n]';
  if (nonFinite(actual)) {
    return 'NaN or Infinity: log of a sum of exp(log w) under- or overflows when log w is far from 0 (here it is in the hundreds). Use log-sum-exp: m + log(sum exp(log w - m)) with m = max, or tf.logSumExp';
  }
  const { tf } = ctx;
  const K = (ctx.args[3] as Tensor).shape[0];
  const lse = (w: Tensor) => tf.logSumExp(w, 0);
  return firstMatch(tf, actual, toleranceOf(ctx), [
    [() => tf.mean(logWeights(ctx, 'none'), 0), 'this is the mean of the log weights (the ELBO averaged over K draws): the bound is the log of the mean of the weights, log-sum-exp minus log K'],
    [() => lse(logWeights(ctx, 'none')), `log K = ${fmt(Math.log(K))} too large: subtract log K after the log-sum-exp`],
    [() => tf.sub(lse(logWeights(ctx, 'analyticKL')), Math.log(K)), 'the weights use the analytic KL: log w_k = log p(x|z_k) + log p(z_k) - log q(z_k|x), all three at the draw z_k'],
    [() => tf.sub(lse(logWeights(ctx, 'dropPriorConstant')), Math.log(K)), 'off by 0.5 m log(2 pi): log p(z) and log q(z|x) must both carry the -0.5 log(2 pi) per dimension (or both drop it)'],
  ]);
};

/** The trained VAE a student's trainVAE returned, or why it is not one. */
const asVAE = (actual: CaseValue, p0: VAEParams): VAEParams | string => {
  const p = actual as unknown as { [k: string]: { W?: CaseValue[]; b?: CaseValue[] } } | null;
  if (!p || typeof p !== 'object' || !p.enc || !p.dec) return 'trainVAE returns {enc, dec}, each an Mlp {W, b}';
  for (const net of ['enc', 'dec'] as const) {
    for (const key of ['W', 'b'] as const) {
      const got = p[net][key];
      const want = p0[net][key];
      if (!Array.isArray(got) || got.length !== want.length) return `${net}.${key} should be an array of ${want.length} tensors`;
      for (let i = 0; i < want.length; i++) {
        const x = got[i];
        if (!isTensor(x) || x.shape.join() !== want[i].shape.join()) return `${net}.${key}[${i}] should be a tensor of shape [${want[i].shape}] (the shape of params0.${net}.${key}[${i}])`;
        if (nonFinite(x)) return `${net}.${key}[${i}] contains NaN or Infinity: training diverged`;
      }
    }
  }
  return p as unknown as VAEParams;
};

const emptyOptions = { type: 'object', properties: {}, required: [], additionalProperties: false } as const;

/** Graded properties of hw5, judged in the grader's process from what the student's process returned. */
export const properties: PropertyTable = {
  /** With K = 1, iwaeBound is the one-sample ELBO with the KL estimated at the draw: log p(x|z) + log p(z) - log q(z|x). */
  iwaeK1Identity: defineProperty<Record<string, never>>({
    options: emptyOptions,
    judge: (actual, ctx) => {
      const [x, enc, dec, eps] = ctx.args as [Tensor2D, CaseValue, CaseValue, tfjs.Tensor3D];
      if (!isTensor(actual) || actual.shape.join() !== String(x.shape[0])) return { pass: false, message: `iwaeBound returns a tensor [n] = [${x.shape[0]}]` };
      const { encoder, decoder } = networksOf(ctx.tf, enc, dec);
      const e = ctx.tf.squeeze(eps, [0]) as Tensor2D;
      const identity = sampledElbo(ctx.tf, x, encoder, decoder, e);
      const pass = isClose(actual, identity, toleranceOf(ctx));
      const analytic = elbo(x, encoder, decoder, e);
      const usedAnalytic = !pass && isClose(actual, analytic.elbo, toleranceOf(ctx));
      const gap = ctx.tf.tidy(() => ctx.tf.mean(ctx.tf.sub(actual, identity)).dataSync()[0]);
      ctx.tf.dispose([e, identity, analytic.elbo, analytic.recon, analytic.kl]);
      if (pass) return { pass, message: 'with K = 1 the bound equals log p(x|z) + log p(z) - log q(z|x) at the draw' };
      const why = usedAnalytic ? ': it equals the elbo with the analytic KL instead (use log p(z) - log q(z|x) at the draw)' : `: it is ${fmt(gap)} away on average`;
      return { pass, message: `with K = 1 the bound must equal the one-sample ELBO with the sampled KL, log p(x|z) + log p(z) - log q(z|x)${why}` };
    },
  }),

  /** On the case's draws, the mean bound over the rows is no lower than the reference's at each smaller K of 1, 5, 50 (leading draws). */
  iwaeMonotoneInK: defineProperty<Record<string, never>>({
    options: emptyOptions,
    judge: (actual, ctx) => {
      const [x, enc, dec, eps] = ctx.args as [Tensor2D, CaseValue, CaseValue, tfjs.Tensor3D];
      if (!isTensor(actual) || actual.shape.join() !== String(x.shape[0])) return { pass: false, message: `iwaeBound returns a tensor [n] = [${x.shape[0]}]` };
      const K = eps.shape[0];
      const smaller = iwaeDrawsMeans(ctx.tf, x, enc, dec, eps).filter((r) => r.K < K);
      const t = toleranceOf(ctx);
      const mine = ctx.tf.tidy(() => ctx.tf.mean(actual).dataSync()[0]);
      const below = smaller.filter((r) => !(mine >= r.mean - t.atol * Math.max(1, Math.abs(r.mean)) - t.rtol * Math.abs(r.mean)));
      const table = [...smaller.map((r) => `K = ${r.K}: ${fmt(r.mean)}`), `yours at K = ${K}: ${fmt(mine)}`].join(', ');
      if (below.length === 0) return { pass: true, message: `the mean bound does not decrease with K (${table})` };
      return { pass: false, message: `the mean bound over the rows must not decrease as K grows on the same leading draws, but yours at K = ${K} is below the bound at K = ${below.map((r) => r.K).join(' and ')} (${table}): the log of a mean of weights rises with K; a mean of log weights does not` };
    },
  }),

  /** trainVAE reaches a mean ELBO (the grader's, over `draws` seeded draws per row) of at least `threshold`. */
  elboReached: defineProperty<{ threshold: number; draws: number; why: string }>({
    options: {
      type: 'object',
      properties: { threshold: { type: 'number' }, draws: { type: 'integer', minimum: 1 }, why: { type: 'string', minLength: 1 } },
      required: ['threshold', 'draws', 'why'],
      additionalProperties: false,
    },
    judge: (actual, ctx) => {
      const [data, p0] = ctx.args as [Tensor2D, VAEParams];
      const trained = asVAE(actual, p0);
      if (typeof trained === 'string') return { pass: false, message: trained };
      const { threshold, draws } = ctx.options;
      const before = meanElbo(ctx.tf, data, p0, draws, 1);
      const after = meanElbo(ctx.tf, data, trained, draws, 1);
      const summary = `mean ELBO on the training data ${fmt(before)} -> ${fmt(after)} (at least ${threshold} needed)`;
      if (after >= threshold) return { pass: true, message: summary };
      const hint =
        after < before
          ? 'it went down: Adam must minimise -mean(elbo), not the ELBO itself, and every term of the loss must be a tensor op (a value computed through dataSync or plain numbers has no gradient, so it is never trained)'
          : 'too little progress: check elbo first (its public cases), then that every step draws a fresh batch and fresh eps from rng and updates both enc and dec';
      return { pass: false, message: `${summary}; ${hint}` };
    },
  }),
};

/** When a case fails: which known bug its output matches, recomputed on the case's own inputs. */
export const diagnoses: DiagnosisTable = {
  reparameterize: diagnoseReparameterize,
  gaussianKL: diagnoseKL,
  bernoulli: diagnoseBernoulli,
  gaussianLogLikelihood: diagnoseGaussian,
  elbo: diagnoseElbo,
  iwae: diagnoseIwae,
};
