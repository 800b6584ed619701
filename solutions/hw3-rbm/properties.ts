import type * as tfjs from '@tensorflow/tfjs';
import { defineDiagnosis, type CaseValue, type DiagnosisRule, type DiagnosisTable } from '../../grader/staff/api.ts';
import { hiddenProbs, logPartition, visibleProbs } from './rbm.ts';

type Tensor = tfjs.Tensor;
type Grads = { dW: Tensor; db: Tensor; dc: Tensor };

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

const FORMULA = { dW: 'dW = (v0^T ph0 - vk^T phk) / n', db: 'db = mean(v0 - vk)', dc: 'dc = mean(ph0 - phk)' };

/** "Only dW differs", "only db and dc differ", ...: the chain is right, the named statistics are not. */
const onlyDiffers = (): DiagnosisRule[] => {
  const keys = ['dW', 'db', 'dc'] as const;
  const subsets = [...keys.map((k) => [k]), ...keys.map((k) => keys.filter((x) => x !== k))];
  return subsets.map((off) => ({
    when: 'only-differs' as const,
    paths: off,
    say: `only ${off.join(' and ')} differ${off.length === 1 ? 's' : ''}: the chain is right, check ${off.map((key) => FORMULA[key]).join(' and ')}`,
  }));
};

/** The known CD bugs' gradients on the case's own draws, then which of dW, db, dc are off. */
const cd = defineDiagnosis(({ tf, args, expected }) => {
  const e = expected as unknown as Grads;
  const [v0, W] = args as Tensor[];
  const [n, D, H] = [v0.shape[0], v0.shape[1], W.shape[1]];
  const scaled = (s: number) => ({ dW: tf.mul(e.dW, s), db: tf.mul(e.db, s), dc: tf.mul(e.dc, s) });
  return [
    { when: 'wrong-form', say: 'dW, db, dc must have the shapes of W, b, c' },
    { when: 'matches', value: scaled(n), say: `the gradients are n = ${n} times the expected ones: average the statistics over the batch instead of summing them` },
    { when: 'matches', value: scaled(-1), say: 'the gradients have the wrong sign: positive phase (data) minus negative phase (chain)' },
    {
      when: 'matches',
      value: chainVariant(tf, args, 'meanField'),
      say: 'the chain carries probabilities instead of samples: h and v must be sampleBernoulli(probs, u) at every step; only the statistics use ph0 and phk',
    },
    { when: 'matches', value: chainVariant(tf, args, 'negativeFromData'), say: 'the negative statistics use the data v0: the negative phase uses vk, the last visible sample of the chain' },
    ...(D === H ? [{ when: 'matches' as const, value: chainVariant(tf, args, 'hiddenBiasInVisible'), say: 'the chain computes p(v|h) with the hidden bias c: p(v|h) uses the visible bias b' }] : []),
    ...onlyDiffers(),
    { when: 'otherwise', say: 'all of dW, db, dc differ: check the chain against the spec, step by step (uH[0] samples h0; step t samples v with uV[t-1], then h with uH[t] while t < k)' },
  ];
});

const freeEnergy = defineDiagnosis(({ tf, args, expected }) => {
  const [v, , b] = args as Tensor[];
  return [
    { when: 'not-tensor', say: 'freeEnergy returns a tensor of shape [n]' },
    { when: 'non-finite', say: 'NaN or Infinity where a pre-activation c + vW exceeds 88 and exp overflows: use tf.softplus, or max(x, 0) + log1p(exp(-|x|))' },
    { when: 'matches', value: tf.add(expected as Tensor, tf.sum(tf.mul(v, b), 1)), say: 'the output is the reference plus v.b: the term -v.b is missing' },
    { when: 'otherwise', say: 'check both terms: -v.b and -sum_j softplus(c_j + (vW)_j), a sum over the hidden units' },
  ];
});

const logZ = defineDiagnosis(() => [
  { when: 'not-number', say: 'logPartition returns a plain number' },
  { when: 'nan', say: 'NaN: a term overflowed to Infinity before the log-sum-exp (is softplus written as log(1 + exp(x))?)' },
  { when: 'non-finite', say: 'exp overflows float32 above 88: use log-sum-exp (tf.logSumExp, or subtract the max before exp)' },
  { when: 'below', say: 'too small, as if states were missing: enumerate all 2^H hidden states, all-zeros and all-ones included' },
  { when: 'otherwise', say: "too large: check -F(h) = c.h + sum_i softplus(b_i + (W h)_i), and that each state is counted once" },
]);

/** Summing over the rows instead of averaging is told apart from a wrong log Z by its exact value on the case. */
const average = defineDiagnosis(({ args, expected }) => {
  const [v, W, b, c] = args as [tfjs.Tensor2D, tfjs.Tensor2D, tfjs.Tensor1D, tfjs.Tensor1D];
  const n = v.shape[0];
  const meanLogL = expected as number;
  const z = logPartition(W, b, c);
  const parts = 'it is mean(-freeEnergy(v)) - logPartition(W, b, c)';
  return [
    { when: 'not-number', say: 'averageLogLikelihood returns a plain number' },
    { when: 'non-finite', say: 'check freeEnergy and logPartition on large weights: softplus and the sum over states must not overflow' },
    { when: 'matches', value: n * meanLogL, say: `the output is n = ${n} times the expected one: ${parts}, a mean over the ${n} rows, not a sum` },
    { when: 'matches', value: n * (meanLogL + z) - z, say: `the output is sum(-F(v)) - log Z: ${parts}, with the mean over the ${n} rows of -F(v), not their sum` },
    { when: 'positive', say: 'a log-probability of binary data is at most 0: check the signs in mean(-F(v)) - log Z' },
    { when: 'above', say: `${parts}: check those two parts first (a log Z that misses states makes it too high, as here)` },
    { when: 'otherwise', say: `${parts}: check those two parts first` },
  ];
});

/** When a case fails: which known bug its output matches, computed from the case's inputs when its fixture is made. */
export const diagnoses: DiagnosisTable = { cd, freeEnergy, logPartition: logZ, averageLogLikelihood: average };
