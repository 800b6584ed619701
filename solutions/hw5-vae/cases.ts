/** Input generators for hw5's cases: Gaussian and Bernoulli inputs, fixed encoder/decoder MLPs, and a binary training set. */
import type * as tfjs from '@tensorflow/tfjs';
import type { JSONSchemaType } from 'ajv';
import { defineGenerator, normals, uniforms, type GeneratorContext, type GeneratorTable, type MlpFunctionSpec } from '../../grader/staff/api.ts';
import { iwaeDrawsMeans } from './bounds.ts';

/** The params hw5's generators read; sizes and ranges have defaults, so every one is optional. */
interface VaeParams {
  n?: number;
  d?: number;
  m?: number;
  hidden?: number;
  K?: number;
  muScale?: number;
  logVarMin?: number;
  logVarMax?: number;
  logitScale?: number;
  logitMax?: number;
  decoderScale?: number;
  prototypes?: number;
  flip?: number;
  steps?: number;
  batchSize?: number;
  lr?: number;
}

const count = { type: 'integer', minimum: 1, nullable: true } as const;
const size = { type: 'integer', minimum: 0, nullable: true } as const;
const real = { type: 'number', nullable: true } as const;

const vaeParams: JSONSchemaType<VaeParams> = {
  type: 'object',
  properties: {
    n: count, d: count, m: count, hidden: size, K: count, prototypes: count, steps: count, batchSize: count,
    muScale: real, logVarMin: real, logVarMax: real, logitScale: real, logitMax: real, decoderScale: real, flip: real, lr: real,
  },
  additionalProperties: false,
};

/**
 * The K = 5 and K = 50 cases ask the mean bound to rise over the smaller K by at least this
 * much on the reference, far above float32 rounding, so correct code cannot land on the wrong side.
 */
const MONOTONE_MARGIN = 0.01;

const matrix = (ctx: GeneratorContext, rows: number, cols: number, values: number[]): tfjs.Tensor2D => ctx.tf.tensor2d(values, [rows, cols]);

/** `n x m` uniforms in [lo, hi], with row 0 pinned at lo and row 1 at hi, so every case reaches both ends of its range. */
const pinnedRange = (ctx: GeneratorContext, n: number, m: number, lo: number, hi: number): tfjs.Tensor2D => {
  const values = uniforms(ctx.random, n * m, lo, hi).map((v, i) => (i < m ? lo : i < 2 * m && n > 1 ? hi : v));
  return matrix(ctx, n, m, values);
};

/** `count` fair coin flips, as 0 and 1. */
const bits = (ctx: GeneratorContext, count: number): number[] => uniforms(ctx.random, count).map((u) => (u < 0.5 ? 1 : 0));

/** Binary `[n,d]` data, each entry 1 with probability 1/2. */
const binary = (ctx: GeneratorContext, n: number, d: number): tfjs.Tensor2D => matrix(ctx, n, d, bits(ctx, n * d));

/** An MLP with layer sizes `sizes`, weights N(0, 1/fanIn) (the last layer times `lastScale`), biases N(0, 0.1^2). */
const mlp = (ctx: GeneratorContext, sizes: number[], lastScale = 1) => {
  const layers = sizes.slice(1).map((out, i) => {
    const scale = (i === sizes.length - 2 ? lastScale : 1) / Math.sqrt(sizes[i]);
    return { W: matrix(ctx, sizes[i], out, normals(ctx.random, sizes[i] * out, scale)), b: ctx.tf.tensor1d(normals(ctx.random, out, 0.1)) };
  });
  return { W: layers.map((l) => l.W), b: layers.map((l) => l.b) };
};

const layerSizes = (from: number, hidden: number, to: number): number[] => (hidden > 0 ? [from, hidden, to] : [from, to]);

/** The encoder and decoder of the elbo and iwaeBound cases, as specs the student process turns into functions. */
const networks = (ctx: GeneratorContext, d: number, m: number, hidden: number, decoderScale: number) => {
  const encoder: MlpFunctionSpec = { mlpFunction: mlp(ctx, layerSizes(d, hidden, 2 * m)), output: 'gaussian' };
  const decoder: MlpFunctionSpec = { mlpFunction: mlp(ctx, layerSizes(m, hidden, d), decoderScale), output: 'tensor' };
  return { encoder, decoder };
};

/** `count` prototypes of `d` bits; each row copies one (in turn) with each bit flipped with probability `flip`. */
const prototypeData = (ctx: GeneratorContext, n: number, d: number, prototypes: number, flip: number): tfjs.Tensor2D => {
  const protos = Array.from({ length: prototypes }, () => bits(ctx, d));
  const rows = Array.from({ length: n }, (_, i) => protos[i % prototypes].map((bit) => (ctx.random() < flip ? 1 - bit : bit)));
  return matrix(ctx, n, d, rows.flat());
};

export const generators: GeneratorTable = {
  /** reparameterize(mu, logVar, eps): params n, m, muScale, logVarMin, logVarMax (rows 0 and 1 sit at the ends). */
  reparameterize: defineGenerator({
    params: vaeParams,
    generate: (p, ctx) => {
      const [n, m] = [p.n ?? 6, p.m ?? 3];
      const mu = matrix(ctx, n, m, normals(ctx.random, n * m, p.muScale ?? 1));
      const logVar = pinnedRange(ctx, n, m, p.logVarMin ?? -3, p.logVarMax ?? 3);
      return { args: [mu, logVar, matrix(ctx, n, m, normals(ctx.random, n * m))] };
    },
  }),

  /** gaussianKL(mu, logVar): params n, m, muScale, logVarMin, logVarMax (rows 0 and 1 sit at the ends). */
  gaussianKL: defineGenerator({
    params: vaeParams,
    generate: (p, ctx) => {
      const [n, m] = [p.n ?? 6, p.m ?? 3];
      const mu = matrix(ctx, n, m, normals(ctx.random, n * m, p.muScale ?? 1));
      return { args: [mu, pinnedRange(ctx, n, m, p.logVarMin ?? -3, p.logVarMax ?? 3)] };
    },
  }),

  /**
   * bernoulliLogLikelihood(x, logits): params n, d, logitScale; `logitMax` pins row 0 at +logitMax
   * and row 1 at -logitMax, each against both x = 0 and x = 1.
   */
  bernoulliLogLikelihood: defineGenerator({
    params: vaeParams,
    generate: (p, ctx) => {
      const [n, d, big] = [p.n ?? 6, p.d ?? 8, p.logitMax ?? 0];
      const x = bits(ctx, n * d).map((v, i) => (big && i < 2 * d ? i % 2 : v));
      const logits = normals(ctx.random, n * d, p.logitScale ?? 3).map((l, i) => (big && i < d ? big : big && i < 2 * d && n > 1 ? -big : l));
      return { args: [matrix(ctx, n, d, x), matrix(ctx, n, d, logits)] };
    },
  }),

  /** gaussianLogLikelihood(x, mean, logVar): params n, d, logVarMin, logVarMax (rows 0 and 1 sit at the ends). */
  gaussianLogLikelihood: defineGenerator({
    params: vaeParams,
    generate: (p, ctx) => {
      const [n, d] = [p.n ?? 6, p.d ?? 5];
      const x = matrix(ctx, n, d, normals(ctx.random, n * d, 2));
      const mean = matrix(ctx, n, d, normals(ctx.random, n * d));
      return { args: [x, mean, pinnedRange(ctx, n, d, p.logVarMin ?? -2, p.logVarMax ?? 2)] };
    },
  }),

  /** elbo(x, encoder, decoder, eps [n,m]): params n, d, m, hidden (0: linear nets), decoderScale (large: confident logits). */
  elbo: defineGenerator({
    params: vaeParams,
    generate: (p, ctx) => {
      const [n, d, m] = [p.n ?? 6, p.d ?? 8, p.m ?? 2];
      const x = binary(ctx, n, d);
      const { encoder, decoder } = networks(ctx, d, m, p.hidden ?? 8, p.decoderScale ?? 1);
      return { args: [x, encoder, decoder, matrix(ctx, n, m, normals(ctx.random, n * m))] };
    },
  }),

  /**
   * iwaeBound(x, encoder, decoder, eps [K,n,m]): params as elbo, and K. For K > 1 the draws are refused
   * unless the reference's mean bound rises over every smaller K of 1, 5, 50 (on the leading draws) by MONOTONE_MARGIN.
   */
  iwaeBound: defineGenerator({
    params: vaeParams,
    generate: (p, ctx) => {
      const [n, d, m, K] = [p.n ?? 6, p.d ?? 8, p.m ?? 2, p.K ?? 5];
      const x = binary(ctx, n, d);
      const { encoder, decoder } = networks(ctx, d, m, p.hidden ?? 8, p.decoderScale ?? 1);
      const eps = ctx.tf.tensor3d(normals(ctx.random, K * n * m), [K, n, m]);
      const means = iwaeDrawsMeans(ctx.tf, x, encoder, decoder, eps);
      for (let i = 1; i < means.length; i++) {
        if (means[i].mean - means[i - 1].mean < MONOTONE_MARGIN) ctx.reject(`mean bound at K = ${means[i].K} is not above K = ${means[i - 1].K} by ${MONOTONE_MARGIN}`);
      }
      return { args: [x, encoder, decoder, eps] };
    },
  }),

  /**
   * trainVAE(data, params0, {steps, batchSize, lr}, rng) on binary rows near a few prototypes:
   * params n, d, m, hidden, prototypes, flip, steps, batchSize, lr.
   */
  trainVAE: defineGenerator({
    params: vaeParams,
    generate: (p, ctx) => {
      const [n, d, m, hidden] = [p.n ?? 64, p.d ?? 12, p.m ?? 2, p.hidden ?? 16];
      const data = prototypeData(ctx, n, d, p.prototypes ?? 4, p.flip ?? 0.05);
      const params0 = { enc: mlp(ctx, layerSizes(d, hidden, 2 * m)), dec: mlp(ctx, layerSizes(m, hidden, d)) };
      const options = { steps: p.steps ?? 300, batchSize: p.batchSize ?? 16, lr: p.lr ?? 0.01 };
      return { args: [data, params0, options, { rngSeed: ctx.seed() }] };
    },
  }),
};
