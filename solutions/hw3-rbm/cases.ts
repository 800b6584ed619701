import type * as tfjs from '@tensorflow/tfjs';
import type { JSONSchemaType } from 'ajv';
import { defineGenerator, normals as staffNormals, uniforms as staffUniforms, type GeneratorContext, type GeneratorTable } from '../../grader/staff/api.ts';
import { hiddenProbs, sampleBernoulli, visibleProbs } from './rbm.ts';

type Binary = 'random' | 'zeros' | 'ones';

/** The params hw3's generators read; each has a default, so every one is optional. */
interface RbmParams {
  n?: number;
  d?: number;
  D?: number;
  H?: number;
  k?: number;
  scale?: number;
  logit?: number;
  visible?: Binary;
  hidden?: Binary;
  extremes?: boolean;
  side?: number;
  epochs?: number;
  batchSize?: number;
  lr?: number;
  initScale?: number;
}

const count = { type: 'integer', minimum: 1, nullable: true } as const;
const real = { type: 'number', nullable: true } as const;
const binaryKind = { type: 'string', enum: ['random', 'zeros', 'ones'], nullable: true } as const;

const rbmParams: JSONSchemaType<RbmParams> = {
  type: 'object',
  properties: {
    n: count, d: count, D: count, H: count, k: count, side: count, epochs: count, batchSize: count,
    scale: real, logit: real, lr: real, initScale: real,
    visible: binaryKind, hidden: binaryKind,
    extremes: { type: 'boolean', nullable: true },
  },
  additionalProperties: false,
};

/** Fixtures never put a uniform within this distance of the probability it is compared with (spec Conventions). */
const KNIFE_EDGE = 1e-4;

const uniforms = (ctx: GeneratorContext, size: number): number[] => staffUniforms(ctx.random, size);

const normals = (ctx: GeneratorContext, size: number, scale: number): number[] => staffNormals(ctx.random, size, scale);

/** A binary [n,d] matrix: 'random' (each entry 1 with probability 1/2), 'zeros' or 'ones'. */
const binary = (ctx: GeneratorContext, n: number, d: number, kind: string): tfjs.Tensor2D => {
  const values = uniforms(ctx, n * d).map((u) => (kind === 'zeros' ? 0 : kind === 'ones' ? 1 : u < 0.5 ? 1 : 0));
  return ctx.tf.tensor2d(values, [n, d]);
};

/** RBM parameters with N(0, scale^2) entries. */
const params = (ctx: GeneratorContext, D: number, H: number, wScale: number, bScale: number, cScale: number) => ({
  W: ctx.tf.tensor2d(normals(ctx, D * H, wScale), [D, H]),
  b: ctx.tf.tensor1d(normals(ctx, D, bScale)),
  c: ctx.tf.tensor1d(normals(ctx, H, cScale)),
});

/** Rejects the draws when some uniform lies within KNIFE_EDGE of its probability. */
const rejectKnifeEdge = (ctx: GeneratorContext, p: tfjs.Tensor, u: tfjs.Tensor, where: string): void => {
  const gap = ctx.tf.tidy(() => ctx.tf.min(ctx.tf.abs(ctx.tf.sub(p, u))).dataSync()[0]);
  if (gap < KNIFE_EDGE) ctx.reject(`${where}: a uniform lies ${gap} from its probability`);
};

/** Replays the reference's CD-k chain and rejects draws that sit on a knife edge at any sampling step. */
const checkChain = (ctx: GeneratorContext, v0: tfjs.Tensor2D, p: ReturnType<typeof params>, k: number, uH: tfjs.Tensor3D, uV: tfjs.Tensor3D): void => {
  const { tf } = ctx;
  tf.tidy(() => {
    const uHs = tf.unstack(uH);
    const uVs = tf.unstack(uV);
    let ph = hiddenProbs(v0, p.W, p.c);
    rejectKnifeEdge(ctx, ph, uHs[0], 'h0');
    let h = sampleBernoulli(ph, uHs[0]) as tfjs.Tensor2D;
    for (let t = 1; t <= k; t++) {
      const pv = visibleProbs(h, p.W, p.b);
      rejectKnifeEdge(ctx, pv, uVs[t - 1], `v${t}`);
      const v = sampleBernoulli(pv, uVs[t - 1]) as tfjs.Tensor2D;
      ph = hiddenProbs(v, p.W, p.c);
      if (t < k) {
        rejectKnifeEdge(ctx, ph, uHs[t], `h${t}`);
        h = sampleBernoulli(ph, uHs[t]) as tfjs.Tensor2D;
      }
    }
  });
};

/** The side x side bars-and-stripes images: all rows equal (bars) or all columns equal (stripes); 30 distinct for side 4. */
export const barsAndStripes = (side: number): number[][] => {
  const patterns = new Map<string, number[]>();
  for (let mask = 0; mask < 2 ** side; mask++) {
    const on = (i: number) => (mask >> i) & 1;
    const bars = Array.from({ length: side * side }, (_, x) => on(Math.floor(x / side)));
    const stripes = Array.from({ length: side * side }, (_, x) => on(x % side));
    patterns.set(bars.join(''), bars);
    patterns.set(stripes.join(''), stripes);
  }
  return [...patterns.values()];
};

export const generators: GeneratorTable = {
  /** hiddenProbs(v, W, c): params n, D, H, scale, visible ('random' | 'zeros' | 'ones'). */
  hiddenProbs: defineGenerator({
    params: rbmParams,
    generate: (prm, ctx) => {
    const [n, D, H, scale] = [(prm.n ?? 8), (prm.D ?? 6), (prm.H ?? 4), (prm.scale ?? 1)];
    const v = binary(ctx, n, D, (prm.visible ?? 'random'));
    const p = params(ctx, D, H, scale, scale, scale);
    return { args: [v, p.W, p.c] };
    },
  }),

  /** visibleProbs(h, W, b): params n, D, H, scale. */
  visibleProbs: defineGenerator({
    params: rbmParams,
    generate: (prm, ctx) => {
    const [n, D, H, scale] = [(prm.n ?? 8), (prm.D ?? 6), (prm.H ?? 4), (prm.scale ?? 1)];
    const h = binary(ctx, n, H, (prm.hidden ?? 'random'));
    const p = params(ctx, D, H, scale, scale, scale);
    return { args: [h, p.W, p.b] };
    },
  }),

  /**
   * sampleBernoulli(p, u): params n, d; 'extremes' makes every third probability exactly 0 or 1, and pairs
   * some p = 0 with u = 0 (not a knife edge: u < p is false whatever the rounding, so u <= p is a bug).
   */
  sampleBernoulli: defineGenerator({
    params: rbmParams,
    generate: (prm, ctx) => {
    const [n, d] = [(prm.n ?? 8), (prm.d ?? 5)];
    const extremes = prm.extremes === true;
    const probs = uniforms(ctx, n * d).map((x, i) => (extremes && i % 3 === 0 ? (i % 2 === 0 ? 0 : 1) : x));
    const draws = uniforms(ctx, n * d).map((x, i) => (extremes && i % 12 === 0 ? 0 : x));
    const gap = Math.min(...probs.map((q, i) => (q === 0 || q === 1 ? Infinity : Math.abs(q - draws[i]))));
    if (gap < KNIFE_EDGE) ctx.reject(`sample: a uniform lies ${gap} from its probability`);
    return { args: [ctx.tf.tensor2d(probs, [n, d]), ctx.tf.tensor2d(draws, [n, d])] };
    },
  }),

  /**
   * freeEnergy(v, W, b, c): params n, D, H, scale, visible; `logit` (e.g. 50 or 100) sets c to
   * +-logit with W, b small, so every pre-activation is near +-logit.
   */
  freeEnergy: defineGenerator({
    params: rbmParams,
    generate: (prm, ctx) => {
    const [n, D, H, scale, logit] = [(prm.n ?? 8), (prm.D ?? 6), (prm.H ?? 4), (prm.scale ?? 1), (prm.logit ?? 0)];
    const v = binary(ctx, n, D, (prm.visible ?? 'random'));
    const p = params(ctx, D, H, logit ? 0.1 : scale, scale, scale);
    const c = logit ? ctx.tf.tensor1d(Array.from({ length: H }, (_, j) => (j % 2 === 0 ? logit : -logit))) : p.c;
    return { args: [v, p.W, p.b, c] };
    },
  }),

  /** cdGradients(v0, W, b, c, k, uH, uV): params n, D, H, k, scale, visible; knife-edge draws are rejected. */
  cdGradients: defineGenerator({
    params: rbmParams,
    generate: (prm, ctx) => {
    const [n, D, H, k, scale] = [(prm.n ?? 8), (prm.D ?? 6), (prm.H ?? 4), (prm.k ?? 1), (prm.scale ?? 1)];
    const v0 = binary(ctx, n, D, (prm.visible ?? 'random'));
    const p = params(ctx, D, H, scale, scale, scale);
    const uH = ctx.tf.tensor3d(uniforms(ctx, k * n * H), [k, n, H]);
    const uV = ctx.tf.tensor3d(uniforms(ctx, k * n * D), [k, n, D]);
    checkChain(ctx, v0, p, k, uH, uV);
    return { args: [v0, p.W, p.b, p.c, k, uH, uV] };
    },
  }),

  /** logPartition(W, b, c): params D, H, scale (large scales make a naive sum of exponentials overflow). */
  logPartition: defineGenerator({
    params: rbmParams,
    generate: (prm, ctx) => {
    const [D, H, scale] = [(prm.D ?? 6), (prm.H ?? 4), (prm.scale ?? 1)];
    const p = params(ctx, D, H, scale, scale, scale);
    return { args: [p.W, p.b, p.c] };
    },
  }),

  /** averageLogLikelihood(v, W, b, c): params n, D, H, scale, visible. */
  averageLogLikelihood: defineGenerator({
    params: rbmParams,
    generate: (prm, ctx) => {
    const [n, D, H, scale] = [(prm.n ?? 8), (prm.D ?? 6), (prm.H ?? 4), (prm.scale ?? 1)];
    const v = binary(ctx, n, D, (prm.visible ?? 'random'));
    const p = params(ctx, D, H, scale, scale, scale);
    return { args: [v, p.W, p.b, p.c] };
    },
  }),

  /** trainRBM on bars-and-stripes: params side (4), H, epochs, batchSize, lr, k, initScale. */
  trainRBM: defineGenerator({
    params: rbmParams,
    generate: (prm, ctx) => {
    const side = (prm.side ?? 4);
    const H = (prm.H ?? 8);
    const patterns = barsAndStripes(side);
    const D = side * side;
    const data = ctx.tf.tensor2d(patterns.flat(), [patterns.length, D]);
    const p0 = {
      W: ctx.tf.tensor2d(normals(ctx, D * H, (prm.initScale ?? 0.01)), [D, H]),
      b: ctx.tf.zeros([D]),
      c: ctx.tf.zeros([H]),
    };
    const options = {
      epochs: (prm.epochs ?? 100),
      batchSize: (prm.batchSize ?? 10),
      lr: (prm.lr ?? 0.1),
      k: (prm.k ?? 1),
    };
    return { args: [data, p0, options, { rngSeed: ctx.seed() }] };
    },
  }),
};
