import type * as tfjs from '@tensorflow/tfjs';
import {
  defineProperty,
  isClose,
  isTensor,
  type CaseValue,
  type Diagnosis,
  type DiagnosisTable,
  type GaussianMixture,
  type PropertyContext,
  type PropertyTable,
  type Tolerance,
} from '../../grader/staff/api.ts';
import { mlpForward, type Mlp, type TrainOptions } from './gan.ts';

const fmt = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x));

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The gradient a property judges, as float64 numbers, or why it is not a gradient of the logits' shape. */
function gradientOf(actual: CaseValue, logits: tfjs.Tensor): number[] | string {
  if (!isTensor(actual) || actual.shape.join() !== logits.shape.join()) return `the gradient should have the shape of the logits, [${logits.shape}]`;
  return Array.from(actual.dataSync());
}

interface SaturationOptions {
  ratio: number;
  why: string;
}

interface NearOptions {
  tolerance: number;
  why: string;
}

interface MatchOptions {
  threshold: number;
  samples: number;
  why: string;
}

const why = { type: 'string', minLength: 1 } as const;

/**
 * The 1-D Wasserstein distance between two equally sized samples: the mean
 * gap between their sorted values (the optimal coupling in one dimension).
 */
export function wasserstein1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const [x, y] = [Float64Array.from(a).sort(), Float64Array.from(b).sort()];
  let total = 0;
  for (let i = 0; i < x.length; i++) total += Math.abs(x[i] - y[i]);
  return total / x.length;
}

/** The values of the tensor `make` returns, which is then freed (tf.tidy would walk the returned array). */
function valuesOf(make: () => tfjs.Tensor): Float32Array {
  const t = make();
  const values = t.dataSync() as Float32Array;
  t.dispose();
  return values;
}

/** `count` seeded draws from a 1-D mixture, on the grader's backend. */
export function mixtureSamples(tf: typeof tfjs, { means, stds, weights }: GaussianMixture, count: number, seed: number): Float64Array {
  const u = valuesOf(() => tf.randomUniform([count], 0, 1, 'float32', seed));
  const e = valuesOf(() => tf.randomNormal([count], 0, 1, 'float32', seed + 1));
  const cumulative = weights.map((_, c) => weights.slice(0, c + 1).reduce((s, w) => s + w, 0));
  return Float64Array.from(u, (ui, i) => {
    const c = Math.max(0, cumulative.findIndex((w) => ui < w));
    return means[c][0] + stds[c] * e[i];
  });
}

/** `count` samples of generator `G` on seeded N(0, I) noise. */
export function generatorSamples(tf: typeof tfjs, G: Mlp, count: number, seed: number): Float32Array {
  return valuesOf(() => tf.tidy(() => mlpForward(G, tf.randomNormal([count, G.W[0].shape[0]], 0, 1, 'float32', seed) as tfjs.Tensor2D)));
}

/** The `{G, D, history}` a student's trainGAN returned, or what is wrong with it. */
function trainedGenerator(actual: CaseValue, G0: Mlp, steps: number): Mlp | string {
  const out = actual as { [key: string]: CaseValue } | null;
  if (typeof out !== 'object' || out === null || Array.isArray(out) || isTensor(out)) return 'trainGAN returns an object {G, D, history}';
  const G = out.G as unknown as Mlp;
  const layers = G0.W.length;
  if (typeof G !== 'object' || G === null || !Array.isArray(G.W) || !Array.isArray(G.b) || G.W.length !== layers || G.b.length !== layers) {
    return `G should be an Mlp {W, b} with ${layers} layers, like G0`;
  }
  for (const [key, list] of [['W', G.W], ['b', G.b]] as const) {
    const bad = list.findIndex((x, i) => !isTensor(x) || x.shape.join() !== G0[key][i].shape.join());
    if (bad >= 0) return `G.${key}[${bad}] should be a tensor of shape [${G0[key][bad].shape}], as G0.${key}[${bad}]`;
  }
  const history = out.history as { dLoss?: unknown; gLoss?: unknown } | null;
  for (const key of ['dLoss', 'gLoss'] as const) {
    const h = history?.[key];
    if (!Array.isArray(h) || h.length !== steps || h.some((x) => typeof x !== 'number')) return `history.${key} should hold one number per step (${steps})`;
  }
  return G;
}

/** Graded properties of hw7, judged in the grader's process from what the student's process returned. */
export const properties: PropertyTable = {
  /** The saturating loss's gradient w.r.t. confidently rejected fake logits is below `ratio` of the non-saturating loss's. */
  saturates: defineProperty<SaturationOptions>({
    options: { type: 'object', properties: { ratio: { type: 'number' }, why }, required: ['ratio', 'why'], additionalProperties: false },
    judge: (actual, ctx) => {
      const l = Array.from((ctx.args[0] as tfjs.Tensor).dataSync());
      const g = gradientOf(actual, ctx.args[0] as tfjs.Tensor);
      if (typeof g === 'string') return { pass: false, message: g };
      const m = l.length;
      // d/dl of -mean log sigmoid(l) is -(1 - sigmoid(l)) / m: the non-saturating gradient at the same logits.
      const ratio = Math.max(...g.map((gi, i) => Math.abs(gi) / ((1 - sigmoid(l[i])) / m)));
      const largest = Math.max(...g.map(Math.abs));
      const summary = `largest |dLoss/dl| = ${fmt(largest)} at logits in [${fmt(Math.min(...l))}, ${fmt(Math.max(...l))}], ${fmt(ratio)} of the non-saturating loss's gradient (about 1/m = ${fmt(1 / m)})`;
      if (ratio < ctx.options.ratio) {
        return { pass: true, message: `${summary}: it vanishes, so a generator trained on this loss barely moves while D confidently rejects its samples` };
      }
      return { pass: false, message: `${summary}; it should be below ${ctx.options.ratio}: d/dl mean log(1 - sigmoid(l)) = -sigmoid(l)/m, tiny for l near -10` };
    },
  }),

  /** The non-saturating loss's gradient w.r.t. confidently rejected fake logits stays within `tolerance` of -1/m. */
  nearMinusOneOverM: defineProperty<NearOptions>({
    options: { type: 'object', properties: { tolerance: { type: 'number' }, why }, required: ['tolerance', 'why'], additionalProperties: false },
    judge: (actual, ctx) => {
      const g = gradientOf(actual, ctx.args[0] as tfjs.Tensor);
      if (typeof g === 'string') return { pass: false, message: g };
      const m = g.length;
      const scaled = g.map((gi) => gi * m);
      const [lo, hi] = [Math.min(...scaled), Math.max(...scaled)];
      const summary = `m * dLoss/dl ranges over [${fmt(lo)}, ${fmt(hi)}]`;
      if (scaled.every((x) => Math.abs(x + 1) <= ctx.options.tolerance)) {
        return { pass: true, message: `${summary}, about -1: each fake logit gets a full-size push upwards (1/m = ${fmt(1 / m)} per unit learning rate) even where D rejects it confidently` };
      }
      return { pass: false, message: `${summary}; expected about -1 (d/dl -mean log sigmoid(l) = -(1 - sigmoid(l))/m, and sigmoid(-10) is 4.5e-5)` };
    },
  }),

  /** The trained generator's samples are within `threshold` (1-D Wasserstein distance) of the data distribution. */
  matchesData: defineProperty<MatchOptions>({
    options: {
      type: 'object',
      properties: { threshold: { type: 'number' }, samples: { type: 'integer', minimum: 1 }, why },
      required: ['threshold', 'samples', 'why'],
      additionalProperties: false,
    },
    judge: (actual, ctx) => {
      const [data, G0, , options] = ctx.args as [{ sampler: GaussianMixture }, Mlp, Mlp, TrainOptions];
      const G = trainedGenerator(actual, G0, options.steps);
      if (typeof G === 'string') return { pass: false, message: G };
      const { threshold, samples } = ctx.options;
      const target = mixtureSamples(ctx.tf, data.sampler, samples, 7);
      const generated = generatorSamples(ctx.tf, G, samples, 11);
      if (generated.some((x) => !Number.isFinite(x))) return { pass: false, message: 'G produces NaN or Infinity: training diverged' };
      const [after, before] = [wasserstein1(generated, target), wasserstein1(generatorSamples(ctx.tf, G0, samples, 11), target)];
      const summary = `1-D Wasserstein distance from ${samples} samples of G to ${samples} data samples: ${fmt(after)} (G0: ${fmt(before)}; at most ${threshold} needed)`;
      if (after <= threshold) return { pass: true, message: summary };
      const hint =
        after >= before
          ? 'G did not get closer to the data: check that the generator step descends the non-saturating loss, and that the discriminator steps move D only'
          : 'G moved towards the data but not far enough: check your steps against their public cases, and that every step draws fresh batches';
      return { pass: false, message: `${summary}; ${hint}` };
    },
  }),
};

/** The failed check's tolerance: a diagnosis compares with the same rule. */
const toleranceOf = (ctx: PropertyContext): Tolerance => {
  if (!ctx.tolerance) throw new Error('hw7 diagnosis: the failed check names no tolerance');
  return ctx.tolerance;
};

/** A scalar the student returned, or undefined. */
const scalarOf = (actual: CaseValue): number | undefined => (isTensor(actual) && actual.size === 1 ? actual.dataSync()[0] : undefined);

/** The first of `candidates` whose value matches the student's, by the failed check's rule. */
function firstMatch(actual: number, candidates: [number, string][], t: Tolerance): string | undefined {
  return candidates.find(([value]) => isClose(actual, value, t))?.[1];
}

const NON_FINITE = 'NaN or Infinity at logits of +-100: sigmoid rounds to exactly 0 or 1 there, so log(sigmoid(l)) or log(1 - sigmoid(l)) is log(0). Use log sigmoid(l) = -softplus(-l) and log(1 - sigmoid(l)) = -softplus(l)';

/** Per-example softplus terms in float64, for recomputing known bugs. */
const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

const diagnoseDiscriminatorLoss: Diagnosis = (actual, ctx) => {
  const value = scalarOf(actual);
  if (value === undefined) return 'discriminatorLoss returns a scalar tensor (tf.Scalar)';
  if (!Number.isFinite(value)) return NON_FINITE;
  const [real, fake] = (ctx.args as tfjs.Tensor[]).map((x) => Array.from(x.dataSync()));
  const [a, b] = [real.map((l) => softplus(-l)), fake.map((l) => softplus(l))];
  return firstMatch(value, [
    [-(mean(a) + mean(b)), 'the sign is flipped: the loss is -mean log D(x) - mean log(1 - D(G(z))), which is positive'],
    [mean(real.map((l) => softplus(l))) + mean(fake.map((l) => softplus(-l))), 'the labels are swapped: real samples should get D = 1 (log sigmoid(real)) and fakes D = 0 (log(1 - sigmoid(fake)))'],
    [mean([...a, ...b]), 'this is the mean over real and fake examples together; the loss is the sum of two means, one over the real logits and one over the fake ones'],
    [mean(a) + mean(fake.map((l) => softplus(l - 1))), 'log(1 - D) is log sigmoid(-l), not logSigmoid(1 - l): 1 - D(x) is a probability, not a logit'],
  ], toleranceOf(ctx));
};

const diagnoseGeneratorLoss: Diagnosis = (actual, ctx) => {
  const value = scalarOf(actual);
  if (value === undefined) return 'a generator loss returns a scalar tensor (tf.Scalar)';
  if (!Number.isFinite(value)) return NON_FINITE;
  return isClose(value, -(ctx.expected as tfjs.Tensor).dataSync()[0], toleranceOf(ctx)) ? 'the sign is flipped' : undefined;
};

const diagnoseOptimal: Diagnosis = (actual, ctx) => {
  if (!isTensor(actual)) return 'optimalDiscriminator returns a tensor of the grid shape';
  const [pData, pModel] = (ctx.args as tfjs.Tensor[]).map((x) => x.dataSync());
  const got = actual.dataSync();
  const bothZero = Array.from(pData).map((p, i) => p === 0 && pModel[i] === 0);
  if (bothZero.some((z, i) => z && Number.isNaN(got[i]))) return 'NaN where pData = pModel = 0 (0/0): D* is 1/2 there';
  if (bothZero.some((z, i) => z && got[i] === 0)) return '0 where pData = pModel = 0: D* is 1/2 there (an epsilon added to the denominator gives 0)';
  const tiny = Array.from(pData).findIndex((p, i) => p + pModel[i] > 0 && p + pModel[i] < 1e-6 && Math.abs(got[i] - p / (p + pModel[i])) > 1e-3);
  return tiny >= 0 ? `wrong where both densities are tiny (${fmt(pData[tiny])} and ${fmt(pModel[tiny])}): an epsilon in the denominator swamps them` : undefined;
};

const diagnoseJensenShannon: Diagnosis = (actual, ctx) => {
  if (typeof actual !== 'number') return 'jensenShannon returns a plain number';
  if (Number.isNaN(actual)) return 'NaN: a term with zero mass gives 0 * log 0; such terms contribute 0';
  const expected = ctx.expected as number;
  const t = toleranceOf(ctx);
  return firstMatch(actual, [
    [expected / Math.LN2, 'this is the JSD in bits (log base 2): the spec asks for nats (natural log)'],
    [2 * expected, 'twice the JSD: JSD = KL(p || m)/2 + KL(q || m)/2, with the 1/2 factors'],
    [expected / 2, 'half the JSD: the 1/2 factors apply to the two KL terms, once each'],
  ], t);
};

/** When a case fails: which known bug its output matches, recomputed on the case's own inputs. */
export const diagnoses: DiagnosisTable = {
  discriminatorLoss: diagnoseDiscriminatorLoss,
  generatorLoss: diagnoseGeneratorLoss,
  optimalDiscriminator: diagnoseOptimal,
  jensenShannon: diagnoseJensenShannon,
};
