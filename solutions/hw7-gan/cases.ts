/** Input generators for hw7's cases: logits, densities on a grid, small MLPs, and a 1-D Gaussian mixture to learn. */
import type * as tfjs from '@tensorflow/tfjs';
import type { JSONSchemaType } from 'ajv';
import { defineGenerator, normals, uniforms, type GaussianMixture, type GeneratorContext, type GeneratorTable } from '../../grader/staff/api.ts';
import type { Mlp } from './gan.ts';

/** Logits around `center` with spread `spread`; `extreme` puts +-extreme (and +-extreme/2) among them. */
interface LogitParams {
  n?: number;
  m: number;
  center?: number;
  realCenter?: number;
  spread?: number;
  extreme?: number;
}

const count = { type: 'integer', minimum: 1 } as const;
const optionalCount = { ...count, nullable: true } as const;
const optionalReal = { type: 'number', nullable: true } as const;

const logitSchema: JSONSchemaType<LogitParams> = {
  type: 'object',
  properties: { n: optionalCount, m: count, center: optionalReal, realCenter: optionalReal, spread: optionalReal, extreme: optionalReal },
  required: ['m'],
  additionalProperties: false,
};

/** `size` logits; with `extreme`, the first four are +extreme, -extreme, +extreme/2, -extreme/2 (in a drawn order). */
function logits(ctx: GeneratorContext, size: number, center: number, spread: number, extreme: number | undefined): tfjs.Tensor1D {
  const values = normals(ctx.random, size, spread).map((x) => center + x);
  if (extreme) {
    const big = [extreme, -extreme, extreme / 2, -extreme / 2].slice(0, size);
    const slots = uniforms(ctx.random, size).map((u, i) => [u, i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
    big.forEach((v, k) => (values[slots[k]] = v));
  }
  return ctx.tf.tensor1d(values);
}

/** Densities on a grid of `g` points: `zeros` blanks blocks where both, only pData, or only pModel vanish; `tails` reaches 1e-30. */
interface DensityParams {
  g: number;
  zeros?: boolean;
  tails?: boolean;
}

const densitySchema: JSONSchemaType<DensityParams> = {
  type: 'object',
  properties: { g: count, zeros: { type: 'boolean', nullable: true }, tails: { type: 'boolean', nullable: true } },
  required: ['g'],
  additionalProperties: false,
};

/** A Gaussian density with a drawn mean and width, on `grid`. */
function bump(ctx: GeneratorContext, grid: number[], reach: number): number[] {
  const [mu, sigma] = [reach * (2 * ctx.random() - 1) * 0.5, 0.5 + ctx.random()];
  return grid.map((x) => Math.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI)));
}

/** Two densities on a grid over [-reach, reach]; with `tails` the grid is wide enough that the smallest values are ~1e-30. */
function densities(p: DensityParams, ctx: GeneratorContext): [number[], number[]] {
  const reach = p.tails ? 12 : 4;
  const grid = Array.from({ length: p.g }, (_, i) => -reach + (2 * reach * i) / Math.max(1, p.g - 1));
  const [pData, pModel] = [bump(ctx, grid, reach), bump(ctx, grid, reach)];
  if (p.zeros) {
    const block = Math.max(1, Math.floor(p.g / 6));
    for (let i = 0; i < block; i++) {
      [pData[i], pModel[i]] = [0, 0]; // both vanish: D* = 1/2 by convention
      pData[block + i] = 0; // only the model has mass: D* = 0
      pModel[p.g - 1 - i] = 0; // only the data has mass: D* = 1
    }
  }
  // float32 keeps normal numbers down to 1.2e-38; smaller ones would be denormals, which backends treat differently.
  return [pData, pModel].map((d) => d.map((x) => (x < 1e-35 ? 0 : x))) as [number[], number[]];
}

/** Two distributions on a grid of `g` points: `zeros` gives each some cells without mass, `disjoint` makes their supports disjoint. */
interface DistributionParams {
  g: number;
  zeros?: boolean;
  disjoint?: boolean;
}

const distributionSchema: JSONSchemaType<DistributionParams> = {
  type: 'object',
  properties: { g: count, zeros: { type: 'boolean', nullable: true }, disjoint: { type: 'boolean', nullable: true } },
  required: ['g'],
  additionalProperties: false,
};

function distribution(ctx: GeneratorContext, g: number, keep: (i: number) => boolean): tfjs.Tensor1D {
  const mass = uniforms(ctx.random, g, 0.05, 1).map((x, i) => (keep(i) ? x : 0));
  const total = mass.reduce((a, b) => a + b, 0);
  if (total === 0) ctx.reject('every cell lost its mass');
  return ctx.tf.tensor1d(mass.map((x) => x / total));
}

/** Small MLPs and batches for one gradient step. */
interface StepParams {
  n?: number;
  m: number;
  dx: number;
  dz: number;
  hidden: number;
  /** Hidden layers of D (G has one). */
  dLayers: number;
  lr: number;
  /** Scale of the real samples around their offset `shift`. */
  shift?: number;
}

const stepSchema: JSONSchemaType<StepParams> = {
  type: 'object',
  properties: {
    n: optionalCount, m: count, dx: count, dz: count, hidden: count, dLayers: count,
    lr: { type: 'number', exclusiveMinimum: 0 }, shift: optionalReal,
  },
  required: ['m', 'dx', 'dz', 'hidden', 'dLayers', 'lr'],
  additionalProperties: false,
};

/** An MLP with layer sizes `sizes`: He-scaled weights (the last layer's times `lastScale`), biases N(0, 0.5^2). */
function mlp(ctx: GeneratorContext, sizes: number[], lastScale = 1): Mlp {
  const layers = sizes.slice(1).map((out, i) => {
    const scale = Math.sqrt(2 / sizes[i]) * (i === sizes.length - 2 ? lastScale : 1);
    return { W: ctx.tf.tensor2d(normals(ctx.random, sizes[i] * out, scale), [sizes[i], out]), b: ctx.tf.tensor1d(normals(ctx.random, out, 0.5)) };
  });
  return { W: layers.map((l) => l.W), b: layers.map((l) => l.b) };
}

function stepNetworks(p: StepParams, ctx: GeneratorContext) {
  const D = mlp(ctx, [p.dx, ...Array<number>(p.dLayers).fill(p.hidden), 1]);
  const G = mlp(ctx, [p.dz, p.hidden, p.dx]);
  const z = ctx.tf.tensor2d(normals(ctx.random, p.m * p.dz), [p.m, p.dz]);
  return { D, G, z };
}

/** A mixture of 1-D Gaussians to learn, and the networks and options to learn it with. */
interface TrainParams {
  means: number[];
  stds: number[];
  weights: number[];
  steps: number;
  dSteps: number;
  batchSize: number;
  lr: number;
  dz: number;
  gHidden: number;
  dHidden: number;
}

const list = { type: 'array', items: { type: 'number' }, minItems: 1 } as const;

const trainSchema: JSONSchemaType<TrainParams> = {
  type: 'object',
  properties: {
    means: list, stds: list, weights: list,
    steps: count, dSteps: count, batchSize: count, dz: count, gHidden: count, dHidden: count,
    lr: { type: 'number', exclusiveMinimum: 0 },
  },
  required: ['means', 'stds', 'weights', 'steps', 'dSteps', 'batchSize', 'lr', 'dz', 'gHidden', 'dHidden'],
  additionalProperties: false,
};

export const generators: GeneratorTable = {
  /** discriminatorLoss(real [n], fake [m]): real logits around realCenter, fake around center. */
  logitPairs: defineGenerator({
    params: logitSchema,
    generate: (p, ctx) => {
      const spread = p.spread ?? 3;
      const real = logits(ctx, p.n ?? p.m, p.realCenter ?? 0, spread, p.extreme);
      return { args: [real, logits(ctx, p.m, p.center ?? 0, spread, p.extreme)] };
    },
  }),

  /** A generator loss on fake logits [m] around `center`. */
  fakeLogits: defineGenerator({
    params: logitSchema,
    generate: (p, ctx) => ({ args: [logits(ctx, p.m, p.center ?? 0, p.spread ?? 3, p.extreme)] }),
  }),

  /** optimalDiscriminator(pData [g], pModel [g]). */
  densities: defineGenerator({
    params: densitySchema,
    generate: (p, ctx) => ({ args: densities(p, ctx).map((d) => ctx.tf.tensor1d(d)) }),
  }),

  /** jensenShannon(p [g], q [g]). */
  distributions: defineGenerator({
    params: distributionSchema,
    generate: (p, ctx) => {
      const half = Math.floor(p.g / 2);
      const drop = () => p.zeros === true && ctx.random() < 0.3;
      const first = distribution(ctx, p.g, (i) => (p.disjoint ? i < half : !drop()));
      return { args: [first, distribution(ctx, p.g, (i) => (p.disjoint ? i >= half : !drop()))] };
    },
  }),

  /** discriminatorStep(D, G, xReal [n,dx], z [m,dz], lr). */
  discriminatorStep: defineGenerator({
    params: stepSchema,
    generate: (p, ctx) => {
      const { D, G, z } = stepNetworks(p, ctx);
      const n = p.n ?? p.m;
      const xReal = ctx.tf.tensor2d(normals(ctx.random, n * p.dx).map((x) => x + (p.shift ?? 2)), [n, p.dx]);
      return { args: [D, G, xReal, z, p.lr] };
    },
  }),

  /** generatorStep(D, G, z [m,dz], lr). */
  generatorStep: defineGenerator({
    params: stepSchema,
    generate: (p, ctx) => {
      const { D, G, z } = stepNetworks(p, ctx);
      return { args: [D, G, z, p.lr] };
    },
  }),

  /** trainGAN(sampleData, G0, D0, options, rng) on a 1-D mixture; G0's outputs start near 0, away from the data. */
  trainGAN: defineGenerator({
    params: trainSchema,
    generate: (p, ctx) => {
      const mixture: GaussianMixture = { means: p.means.map((mu) => [mu]), stds: p.stds, weights: p.weights };
      const G0 = mlp(ctx, [p.dz, p.gHidden, 1], 0.1);
      const D0 = mlp(ctx, [1, p.dHidden, p.dHidden, 1]);
      const options = { steps: p.steps, dSteps: p.dSteps, batchSize: p.batchSize, lr: p.lr };
      return { args: [{ sampler: mixture }, G0, D0, options, { rngSeed: ctx.seed() }] };
    },
  }),
};
