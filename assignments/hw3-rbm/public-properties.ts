/**
 * Grading code, not part of your work: how the grader judges trainRBM in your
 * copy. The exact log-likelihood is computed here in float64 by enumerating
 * every visible state, not the hidden states your logPartition enumerates.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { defineProperty, isTensor, type CaseValue, type PropertyTable } from '../../grader/staff/api.ts';

type Params = { W: tfjs.Tensor; b: tfjs.Tensor; c: tfjs.Tensor };
type Plain = { W: Float64Array; b: Float64Array; c: Float64Array; D: number; H: number };

/** Visible states are enumerated: beyond 20 units that is too slow to be worth it. */
const MAX_VISIBLE = 20;

const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

function plain(p: Params): Plain {
  const [D, H] = p.W.shape;
  return { W: Float64Array.from(p.W.dataSync()), b: Float64Array.from(p.b.dataSync()), c: Float64Array.from(p.c.dataSync()), D, H };
}

/** log of the unnormalised p(v) = b.v + sum_j softplus(c_j + (vW)_j). */
function logMarginal(p: Plain, v: (i: number) => number): number {
  let total = 0;
  const pre = Float64Array.from(p.c);
  for (let i = 0; i < p.D; i++) {
    const vi = v(i);
    if (vi === 0) continue;
    total += p.b[i] * vi;
    for (let j = 0; j < p.H; j++) pre[j] += p.W[i * p.H + j] * vi;
  }
  return pre.reduce((s, x) => s + softplus(x), total);
}

/** Exact mean log-likelihood of the rows of `data`, with log Z summed over all 2^D visible states. */
export function exactAverageLogLikelihood(data: tfjs.Tensor, params: Params): number {
  const p = plain(params);
  if (p.D > MAX_VISIBLE) throw new Error(`${p.D} visible units: too many to enumerate`);
  const terms = Array.from({ length: 2 ** p.D }, (_, s) => logMarginal(p, (i) => (s >> i) & 1));
  const max = Math.max(...terms);
  const logZ = max + Math.log(terms.reduce((s, t) => s + Math.exp(t - max), 0));
  const rows = data.arraySync() as number[][];
  return rows.reduce((s, v) => s + logMarginal(p, (i) => v[i]), 0) / rows.length - logZ;
}

const fmt = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** The RBM a student's trainRBM returned, or why it is not one. */
function asParams(actual: CaseValue, p0: Params): Params | string {
  const p = actual as { [key: string]: CaseValue } | null;
  if (typeof p !== 'object' || p === null || Array.isArray(p) || isTensor(p)) return 'trainRBM returns an object {W, b, c}';
  for (const key of ['W', 'b', 'c'] as const) {
    const x = p[key];
    if (!isTensor(x)) return `trainRBM's result has no tensor '${key}'`;
    if (x.shape.join() !== p0[key].shape.join()) return `${key} has shape [${x.shape}], expected [${p0[key].shape}] (the shape of p0.${key})`;
    if (Array.from(x.dataSync()).some((y) => !Number.isFinite(y))) return `${key} contains NaN or Infinity: training diverged (are the gradients means over the batch, not sums?)`;
  }
  return p as unknown as Params;
}

/** Properties of hw3 judged in every copy of the course, the student's included. */
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
      const [data, p0] = ctx.args as [tfjs.Tensor, Params];
      const { margin } = ctx.options;
      const trained = asParams(actual, p0);
      if (typeof trained === 'string') return { pass: false, message: trained };
      const before = exactAverageLogLikelihood(data, p0);
      const gain = exactAverageLogLikelihood(data, trained) - before;
      const summary = `exact average log-likelihood ${fmt(before)} -> ${fmt(before + gain)}: a gain of ${fmt(gain)} nats (at least ${margin} needed)`;
      if (gain >= margin) return { pass: true, message: summary };
      const hint =
        gain < 0
          ? 'it went down: CD estimates an ascent direction, so update p <- p + lr * grad'
          : 'too little progress: check cdGradients first (its public cases), then that every mini-batch of every epoch makes an update with fresh draws from rng';
      return { pass: false, message: `${summary}; ${hint}` };
    },
  }),
};
