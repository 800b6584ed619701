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
import { averageLogLikelihood, hiddenProbs, visibleProbs, type RBM } from './rbm.ts';

type Tensor = tfjs.Tensor;
type Grads = { dW: Tensor; db: Tensor; dc: Tensor };

/** The failed check's tolerance: a diagnosis compares with the same rule. */
const toleranceOf = (ctx: PropertyContext): Tolerance => {
  if (!ctx.tolerance) throw new Error('hw3 diagnosis: the failed check names no tolerance');
  return ctx.tolerance;
};

const matches = isClose;

const fmt = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** Replays CD-k on the case's draws with one known deviation from the spec. */
const chainVariant = (tf: typeof tfjs, args: CaseValue[], variant: 'meanField' | 'negativeFromData' | 'hiddenBiasInVisible'): Grads =>
  tf.tidy(() => {
    const [v0, W, b, c, k, uH, uV] = args as [tfjs.Tensor2D, tfjs.Tensor2D, tfjs.Tensor1D, tfjs.Tensor1D, number, Tensor, Tensor];
    const sample = (p: Tensor, u: Tensor) => (variant === 'meanField' ? p : tf.cast(tf.less(u, p), 'float32')) as tfjs.Tensor2D;
    const [uHs, uVs] = [tf.unstack(uH), tf.unstack(uV)];
    const ph0 = hiddenProbs(v0, W, c);
    let h = sample(ph0, uHs[0]);
    let [vk, phk] = [v0, ph0];
    for (let t = 1; t <= k; t++) {
      vk = sample(visibleProbs(h, W, variant === 'hiddenBiasInVisible' ? c : b), uVs[t - 1]);
      phk = hiddenProbs(vk, W, c);
      if (t < k) h = sample(phk, uHs[t]);
    }
    const negV = variant === 'negativeFromData' ? v0 : vk;
    return {
      dW: tf.div(tf.sub(tf.matMul(tf.transpose(v0), ph0), tf.matMul(tf.transpose(negV), phk)), v0.shape[0]),
      db: tf.mean(tf.sub(v0, negV), 0),
      dc: tf.mean(tf.sub(ph0, phk), 0),
    };
  });

/** Names the known CD bug the student's gradients match, or which of dW, db, dc are off. */
const diagnoseCd: Diagnosis = (actual, ctx) => {
  const t = toleranceOf(ctx);
  const { tf, args } = ctx;
  const got = actual as unknown as Grads;
  const expected = ctx.expected as unknown as Grads;
  const keys = ['dW', 'db', 'dc'] as const;
  if (!keys.every((key) => isTensor(got[key]) && got[key].shape.join() === expected[key].shape.join())) {
    return 'dW, db, dc must have the shapes of W, b, c';
  }
  const [v0, W] = args as Tensor[];
  const [n, D, H] = [v0.shape[0], v0.shape[1], W.shape[1]];
  const scaled = (s: number): Grads => tf.tidy(() => ({ dW: tf.mul(expected.dW, s), db: tf.mul(expected.db, s), dc: tf.mul(expected.dc, s) }));
  const candidates: [() => Grads, string][] = [
    [() => scaled(n), `the gradients are n = ${n} times the expected ones: average the statistics over the batch instead of summing them`],
    [() => scaled(-1), 'the gradients have the wrong sign: positive phase (data) minus negative phase (chain)'],
    [() => chainVariant(tf, args, 'meanField'), 'the chain carries probabilities instead of samples: h and v must be sampleBernoulli(probs, u) at every step; only the statistics use ph0 and phk'],
    [() => chainVariant(tf, args, 'negativeFromData'), 'the negative statistics use the data v0: the negative phase uses vk, the last visible sample of the chain'],
  ];
  if (D === H) candidates.push([() => chainVariant(tf, args, 'hiddenBiasInVisible'), 'the chain computes p(v|h) with the hidden bias c: p(v|h) uses the visible bias b']);
  for (const [make, hint] of n > 1 ? candidates : candidates.slice(1)) {
    const g = make();
    const hit = keys.every((key) => matches(got[key], g[key], t));
    tf.dispose([g.dW, g.db, g.dc]);
    if (hit) return hint;
  }
  const off = keys.filter((key) => !matches(got[key], expected[key], t));
  return off.length === 3
    ? 'all of dW, db, dc differ: check the chain against the spec, step by step (uH[0] samples h0; step t samples v with uV[t-1], then h with uH[t] while t < k)'
    : `only ${off.join(' and ')} differ${off.length === 1 ? 's' : ''}: the chain is right, check ${off.map((key) => FORMULA[key]).join(' and ')}`;
};

const FORMULA = { dW: 'dW = (v0^T ph0 - vk^T phk) / n', db: 'db = mean(v0 - vk)', dc: 'dc = mean(ph0 - phk)' };

const diagnoseFreeEnergy: Diagnosis = (actual, ctx) => {
  const t = toleranceOf(ctx);
  const { tf } = ctx;
  if (!isTensor(actual)) return 'freeEnergy returns a tensor of shape [n]';
  if (Array.from(actual.dataSync()).some((x) => !Number.isFinite(x))) {
    return 'NaN or Infinity where a pre-activation c + vW exceeds 88 and exp overflows: use tf.softplus, or max(x, 0) + log1p(exp(-|x|))';
  }
  const [v, , b] = ctx.args as Tensor[];
  const plusVb = tf.tidy(() => tf.add(ctx.expected as Tensor, tf.sum(tf.mul(v, b), 1)));
  const missingVb = matches(actual, plusVb, t);
  plusVb.dispose();
  return missingVb ? 'the output is the reference plus v.b: the term -v.b is missing' : 'check both terms: -v.b and -sum_j softplus(c_j + (vW)_j), a sum over the hidden units';
};

const diagnoseLogPartition: Diagnosis = (actual, ctx) => {
  if (typeof actual !== 'number') return 'logPartition returns a plain number';
  if (Number.isNaN(actual)) return 'NaN: a term overflowed to Infinity before the log-sum-exp (is softplus written as log(1 + exp(x))?)';
  if (!Number.isFinite(actual)) return 'exp overflows float32 above 88: use log-sum-exp (tf.logSumExp, or subtract the max before exp)';
  return actual < (ctx.expected as number)
    ? 'too small, as if states were missing: enumerate all 2^H hidden states, all-zeros and all-ones included'
    : 'too large: check -F(h) = c.h + sum_i softplus(b_i + (W h)_i), and that each state is counted once';
};

const diagnoseAverage: Diagnosis = (actual, ctx) => {
  if (typeof actual !== 'number') return 'averageLogLikelihood returns a plain number';
  if (!Number.isFinite(actual)) return 'check freeEnergy and logPartition on large weights: softplus and the sum over states must not overflow';
  if (actual > 0) return 'a log-probability of binary data is at most 0: check the signs in mean(-F(v)) - log Z';
  const high = actual > (ctx.expected as number) ? ' (a log Z that misses states makes it too high, as here)' : '';
  return `it is mean(-freeEnergy(v)) - logPartition(W, b, c): check those two parts first${high}`;
};

/** The RBM a student's trainRBM returned, or why it is not one. */
const asRBM = (actual: CaseValue, p0: RBM): RBM | string => {
  const p = actual as { [key: string]: CaseValue } | null;
  if (typeof p !== 'object' || p === null || Array.isArray(p) || isTensor(p)) return 'trainRBM returns an object {W, b, c}';
  for (const key of ['W', 'b', 'c'] as const) {
    const x = p[key];
    if (!isTensor(x)) return `trainRBM's result has no tensor '${key}'`;
    if (x.shape.join() !== p0[key].shape.join()) return `${key} has shape [${x.shape}], expected [${p0[key].shape}] (the shape of p0.${key})`;
    if (Array.from(x.dataSync()).some((y) => !Number.isFinite(y))) return `${key} contains NaN or Infinity: training diverged (are the gradients means over the batch, not sums?)`;
  }
  return p as unknown as RBM;
};

/** Graded properties of hw3, judged in the grader's process from what the student's process returned. */
export const properties: PropertyTable = {
  /** trainRBM raises the exact average log-likelihood of its training data by at least `options.margin` nats. */
  likelihoodGain: defineProperty<{ margin: number; why: string }>({
    options: {
      type: 'object',
      properties: { margin: { type: 'number' }, why: { type: 'string', minLength: 1 } },
      required: ['margin', 'why'],
      additionalProperties: false,
    },
    judge: (actual, ctx) => {
    const [data, p0] = ctx.args as [tfjs.Tensor2D, RBM];
    const { margin } = ctx.options;
    const trained = asRBM(actual, p0);
    if (typeof trained === 'string') return { pass: false, message: trained };
    const before = averageLogLikelihood(data, p0.W, p0.b, p0.c);
    const after = averageLogLikelihood(data, trained.W, trained.b, trained.c);
    const gain = after - before;
    const summary = `exact average log-likelihood ${fmt(before)} -> ${fmt(after)}: a gain of ${fmt(gain)} nats (at least ${margin} needed)`;
    if (gain >= margin) return { pass: true, message: summary };
    const hint =
      gain < 0
        ? 'it went down: CD estimates an ascent direction, so update p <- p + lr * grad'
        : 'too little progress: check cdGradients first (its public cases), then that every mini-batch of every epoch makes an update with fresh draws from rng';
    return { pass: false, message: `${summary}; ${hint}` };
    },
  }),
};

/** When a case fails: which known bug its output matches, recomputed on the case's own inputs. */
export const diagnoses: DiagnosisTable = {
  cd: diagnoseCd,
  freeEnergy: diagnoseFreeEnergy,
  logPartition: diagnoseLogPartition,
  averageLogLikelihood: diagnoseAverage,
};
