import type * as tfjs from '@tensorflow/tfjs';
import type { JSONSchemaType } from 'ajv';
import { defineGenerator, normals, numberParams, uniforms, type GeneratorContext, type GeneratorTable } from '../../grader/staff/api.ts';
import { checkAgainstAutodiff } from './autodiff.ts';
import { encode, greedyPretrain, layerGradients, layerLoss, type Layer } from './stacked_ae.ts';

/** No hidden unit's mean code lies within this of rho, so every KL term moves the loss. */
const KL_MARGIN = 0.05;

/** A `[rows, cols]` matrix of uniform draws in [0, 1): data and codes alike live there. */
const unit = (ctx: GeneratorContext, rows: number, cols: number): tfjs.Tensor2D => ctx.tf.tensor2d(uniforms(ctx.random, rows * cols), [rows, cols]);

/** A layer `din -> dh`: `W` with N(0, scale^2/din) entries (pre-activations of size ~scale), biases N(0, 0.5^2). */
function randomLayer(ctx: GeneratorContext, din: number, dh: number, scale: number): Layer {
  const { tf } = ctx;
  return {
    W: tf.tensor2d(normals(ctx.random, din * dh, scale / Math.sqrt(din)), [din, dh]),
    b: tf.tensor1d(normals(ctx.random, dh, 0.5)),
    bPrime: tf.tensor1d(normals(ctx.random, din, 0.5)),
  };
}

/** Layers `dims[0] -> dims[1] -> ...`. */
const randomStack = (ctx: GeneratorContext, dims: number[], scale: number): Layer[] =>
  dims.slice(1).map((dh, k) => randomLayer(ctx, dims[k], dh, scale));

/** Refuses a draw where some unit's mean code is within KL_MARGIN of rho (its KL term would barely count). */
function requireEveryKLTerm(ctx: GeneratorContext, x: tfjs.Tensor2D, layer: Layer, rho: number): void {
  const gap = ctx.tf.tidy(() => ctx.tf.min(ctx.tf.abs(ctx.tf.sub(ctx.tf.mean(encode(x, layer), 0), rho))).dataSync()[0]);
  if (gap < KL_MARGIN) ctx.reject(`a hidden unit's mean code is ${gap} from rho`);
}

type ObjectiveParams = { n: number; din: number; dh: number; scale: number; lambda: number; beta: number; rho: number };

type StackParams = { n: number; dims: number[]; scale: number; steps: number; lr: number; lambda: number; beta: number; rho: number };

const dims = { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 2 } as const;

const stackParams: JSONSchemaType<StackParams> = {
  type: 'object',
  properties: {
    n: { type: 'integer', minimum: 1 }, dims, scale: { type: 'number' },
    steps: { type: 'integer', minimum: 0 }, lr: { type: 'number' },
    lambda: { type: 'number' }, beta: { type: 'number' }, rho: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
  },
  required: ['n', 'dims', 'scale', 'steps', 'lr', 'lambda', 'beta', 'rho'],
  additionalProperties: false,
};

const encodeStackParams: JSONSchemaType<Pick<StackParams, 'n' | 'dims' | 'scale'>> = {
  type: 'object',
  properties: { n: { type: 'integer', minimum: 1 }, dims, scale: { type: 'number' } },
  required: ['n', 'dims', 'scale'],
  additionalProperties: false,
};

export const generators: GeneratorTable = {
  /** `[x [n,din], layer]`: data in [0, 1), a layer whose pre-activations have size ~`scale`. */
  encodeInputs: defineGenerator({
    params: numberParams('n', 'din', 'dh', 'scale'),
    generate: ({ n, din, dh, scale }, ctx) => ({ args: [unit(ctx, n, din), randomLayer(ctx, din, dh, scale)] }),
  }),

  /** `[h [n,dh], layer]`: codes in [0, 1) for a layer `din -> dh`. */
  decodeInputs: defineGenerator({
    params: numberParams('n', 'din', 'dh', 'scale'),
    generate: ({ n, din, dh, scale }, ctx) => {
      const layer = randomLayer(ctx, din, dh, scale);
      return { args: [unit(ctx, n, dh), layer] };
    },
  }),

  /**
   * `[x, layer, hyper]` for layerLoss and layerGradients; every unit's mean code
   * is kept away from rho, and the reference is checked against autodiff.
   */
  layerObjective: defineGenerator<ObjectiveParams>({
    params: numberParams('n', 'din', 'dh', 'scale', 'lambda', 'beta', 'rho'),
    generate: ({ n, din, dh, scale, lambda, beta, rho }, ctx) => {
      const x = unit(ctx, n, din);
      const layer = randomLayer(ctx, din, dh, scale);
      const hyper = { lambda, beta, rho };
      if (beta > 0) requireEveryKLTerm(ctx, x, layer, rho);
      checkAgainstAutodiff(ctx.tf, { layerLoss, layerGradients }, x, layer, hyper);
      return { args: [x, layer, hyper] };
    },
  }),

  /** `[X, layers0, hyper, steps, lr]`: a stack `dims[0] -> dims[1] -> ...` to pretrain, refused if the reference diverges. */
  pretraining: defineGenerator<StackParams>({
    params: stackParams,
    generate: ({ n, dims: sizes, scale, steps, lr, lambda, beta, rho }, ctx) => {
      const X = unit(ctx, n, sizes[0]);
      const layers0 = randomStack(ctx, sizes, scale);
      const hyper = { lambda, beta, rho };
      const trained = greedyPretrain(X, layers0, hyper, steps, lr);
      const finite = trained.every((l) => [l.W, l.b, l.bPrime].every((t) => Array.from(t.dataSync()).every(Number.isFinite)));
      ctx.tf.dispose(trained);
      if (!finite) ctx.reject('the reference diverged');
      return { args: [X, layers0, hyper, steps, lr] };
    },
  }),

  /** `[X, layers]`: data and a stack `dims[0] -> dims[1] -> ...`. */
  stackInputs: defineGenerator({
    params: encodeStackParams,
    generate: ({ n, dims: sizes, scale }, ctx) => ({ args: [unit(ctx, n, sizes[0]), randomStack(ctx, sizes, scale)] }),
  }),
};
