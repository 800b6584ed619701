/** Input generators for hw6's cases: masks, masked convolutions, small PixelCNNs, logits, and sampling draws. */
import type { JSONSchemaType } from 'ajv';
import { defineGenerator, normals, uniforms, type GeneratorContext, type GeneratorTable } from '../../grader/staff/api.ts';
import { createMask, type PixelCnn } from './pixelcnn.ts';
import { inverseCdf, replaySample } from './replay.ts';

type MaskType = 'A' | 'B';
type Groups = 1 | 3;

/** The params hw6's generators read; each generator documents which, and each has a default. */
interface Hw6Params {
  n?: number;
  H?: number;
  W?: number;
  C?: number;
  K?: number;
  kh?: number;
  kw?: number;
  inC?: number;
  outC?: number;
  type?: MaskType;
  groups?: Groups;
  /** Hidden channels of a PixelCNN; 0 makes a one-layer net (its type-A layer is also its output layer). */
  hidden?: number;
  /** Type-B 3x3 layers between the first layer and the 1x1 output layer. */
  depth?: number;
  /** Multiplies the weights of a net, or the standard deviation of logits. */
  scale?: number;
  /** maskedConv2d: a random 0/1 mask instead of a PixelCNN mask. */
  randomMask?: boolean;
}

const count = { type: 'integer', minimum: 1, nullable: true } as const;
const side = { type: 'integer', minimum: 1, maximum: 9, nullable: true } as const;

const hw6Params: JSONSchemaType<Hw6Params> = {
  type: 'object',
  properties: {
    n: count, H: count, W: count, C: { type: 'integer', enum: [1, 3], nullable: true }, K: { type: 'integer', minimum: 2, nullable: true },
    kh: side, kw: side, inC: count, outC: count,
    type: { type: 'string', enum: ['A', 'B'], nullable: true },
    groups: { type: 'integer', enum: [1, 3], nullable: true },
    hidden: { type: 'integer', minimum: 0, nullable: true },
    depth: { type: 'integer', minimum: 0, nullable: true },
    scale: { type: 'number', nullable: true },
    randomMask: { type: 'boolean', nullable: true },
  },
  additionalProperties: false,
};

/** Fixtures never put a uniform within this distance of a cumulative probability (spec Conventions). */
const KNIFE_EDGE = 1e-4;

const tensor4d = (ctx: GeneratorContext, values: number[], shape: [number, number, number, number]) => ctx.tf.tensor4d(values, shape);

/** Random levels 0..K-1, `size` of them. */
const levels = (ctx: GeneratorContext, size: number, K: number): number[] => uniforms(ctx.random, size).map((u) => Math.floor(u * K));

/**
 * A PixelCNN for C-channel images with K levels: a 7x7 type-A layer, `depth` 3x3 type-B layers and a 1x1
 * output layer of C*K channels; `hidden = 0` leaves the 7x7 layer alone. Weights are He-scaled times
 * `scale`: 2 by default gives logits of standard deviation ~2, neither flat nor one-hot, so sampling bugs show.
 */
const makeNet = (ctx: GeneratorContext, C: number, K: number, hidden: number, depth: number, scale: number): PixelCnn => {
  const layer = (k: number, inC: number, outC: number) => ({
    filters: tensor4d(ctx, normals(ctx.random, k * k * inC * outC, scale * Math.sqrt(2 / (k * k * inC))), [k, k, inC, outC]),
    bias: ctx.tf.tensor1d(normals(ctx.random, outC, 0.1)),
  });
  const groups: Groups = C === 3 ? 3 : 1;
  if (hidden === 0) return { groups, layers: [layer(7, C, C * K)] };
  const middle = Array.from({ length: depth }, () => layer(3, hidden, hidden));
  return { groups, layers: [layer(7, C, hidden), ...middle, layer(1, hidden, C * K)] };
};

/** The shape of a PixelCNN case: images, levels and net. */
const netParams = (prm: Hw6Params) => ({
  n: prm.n ?? 2,
  H: prm.H ?? 6,
  W: prm.W ?? 6,
  C: prm.C ?? 1,
  K: prm.K ?? 4,
  hidden: prm.hidden ?? 6,
  depth: prm.depth ?? 1,
  scale: prm.scale ?? 2,
});

/** Refuses draws within KNIFE_EDGE of a cumulative probability at any step of the reference's sampling. */
const checkSampling = (ctx: GeneratorContext, net: PixelCnn, shape: [number, number, number, number], K: number, u: number[]): void => {
  replaySample(ctx.tf, net, shape, K, 'raster', (probs, at) => {
    let cumulative = 0;
    for (const p of probs) {
      cumulative += p;
      if (Math.abs(cumulative - u[at]) < KNIFE_EDGE) ctx.reject(`entry ${at}: u = ${u[at]} lies within ${KNIFE_EDGE} of a cumulative probability ${cumulative}`);
    }
    return inverseCdf(probs, u[at]);
  });
};

export const generators: GeneratorTable = {
  /** createMask(kh, kw, inC, outC, type, groups): params kh, kw, inC, outC, type, groups (no randomness). */
  createMask: defineGenerator({
    params: hw6Params,
    generate: (prm) => ({ args: [prm.kh ?? 3, prm.kw ?? 3, prm.inC ?? 1, prm.outC ?? 1, prm.type ?? 'A', prm.groups ?? 1] }),
  }),

  /**
   * maskedConv2d(x, filters, bias, mask): params n, H, W, kh, kw, inC, outC, type, groups (the PixelCNN mask),
   * or randomMask for a random 0/1 mask.
   */
  maskedConv2d: defineGenerator({
    params: hw6Params,
    generate: (prm, ctx) => {
      const [n, H, W, kh, kw, inC, outC] = [prm.n ?? 2, prm.H ?? 5, prm.W ?? 5, prm.kh ?? 3, prm.kw ?? 3, prm.inC ?? 2, prm.outC ?? 3];
      const x = tensor4d(ctx, normals(ctx.random, n * H * W * inC), [n, H, W, inC]);
      const filters = tensor4d(ctx, normals(ctx.random, kh * kw * inC * outC), [kh, kw, inC, outC]);
      const bias = ctx.tf.tensor1d(normals(ctx.random, outC));
      const mask = prm.randomMask
        ? tensor4d(ctx, uniforms(ctx.random, kh * kw * inC * outC).map((u) => (u < 0.5 ? 1 : 0)), [kh, kw, inC, outC])
        : createMask(kh, kw, inC, outC, prm.type ?? 'B', prm.groups ?? 1);
      return { args: [x, filters, bias, mask] };
    },
  }),

  /** pixelCnnForward(x, net): params n, H, W, C, K, hidden, depth, scale; x holds random levels scaled by 1/(K-1). */
  pixelCnnForward: defineGenerator({
    params: hw6Params,
    generate: (prm, ctx) => {
      const { n, H, W, C, K, hidden, depth, scale } = netParams(prm);
      const x = tensor4d(ctx, levels(ctx, n * H * W * C, K).map((l) => l / (K - 1)), [n, H, W, C]);
      return { args: [x, makeNet(ctx, C, K, hidden, depth, scale)] };
    },
  }),

  /**
   * pixelCnnForward on a base image and, after it, one copy per (row, col, channel) in raster order with
   * that one value moved to another level: the causality property compares their logits. Params as
   * pixelCnnForward (n is ignored).
   */
  perturbations: defineGenerator({
    params: hw6Params,
    generate: (prm, ctx) => {
      const { H, W, C, K, hidden, depth, scale } = netParams(prm);
      const size = H * W * C;
      const base = levels(ctx, size, K);
      const images = [base];
      for (let at = 0; at < size; at++) {
        const copy = [...base];
        copy[at] = (base[at] + 1 + Math.floor(ctx.random() * (K - 1))) % K;
        images.push(copy);
      }
      const x = tensor4d(ctx, images.flat().map((l) => l / (K - 1)), [size + 1, H, W, C]);
      return { args: [x, makeNet(ctx, C, K, hidden, depth, scale)] };
    },
  }),

  /** bitsPerDim(logits, x): params n, H, W, C, K, scale (the standard deviation of the logits). */
  bitsPerDim: defineGenerator({
    params: hw6Params,
    generate: (prm, ctx) => {
      const { n, H, W, C, K } = netParams(prm);
      const logits = ctx.tf.tensor5d(normals(ctx.random, n * H * W * C * K, prm.scale ?? 2), [n, H, W, C, K]);
      const x = ctx.tf.tensor4d(levels(ctx, n * H * W * C, K), [n, H, W, C], 'int32');
      return { args: [logits, x] };
    },
  }),

  /** sample(net, n, H, W, C, K, u): params n, H, W, C, K, hidden, depth, scale; knife-edge draws are refused. */
  sample: defineGenerator({
    params: hw6Params,
    generate: (prm, ctx) => {
      const { n, H, W, C, K, hidden, depth, scale } = netParams(prm);
      const net = makeNet(ctx, C, K, hidden, depth, scale);
      const u = uniforms(ctx.random, n * H * W * C);
      checkSampling(ctx, net, [n, H, W, C], K, u);
      return { args: [net, n, H, W, C, K, tensor4d(ctx, u, [n, H, W, C])] };
    },
  }),
};
