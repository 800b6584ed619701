import type * as tfjs from '@tensorflow/tfjs';
import { defineProperty, type CaseValue, type PropertyContext, type PropertyTable, type Verdict } from '../../grader/staff/api.ts';
import { linearAEForward, pca, subspaceDistance, type AEParams } from './pca_ae.ts';

/** How a trained linear AE compares with PCA on the same data. */
export type AEVersusPca = { distance: number; aeError: number; pcaError: number };

/** What the generator stores as the case's truth: the top-`m` PCA solution and its reconstruction error. */
export type PcaTruth = { mean: tfjs.Tensor1D; components: tfjs.Tensor2D; pcaError: number };

/** PCA of `X` with `m` components, computed once when the fixture is made. */
export function pcaTruth(tf: typeof tfjs, X: tfjs.Tensor2D, m: number): PcaTruth {
  const { mean, components, explainedVariance } = pca(X, m);
  explainedVariance.dispose();
  const pcaError = tf.tidy(() => {
    const Xc = tf.sub(X, mean);
    const recon = tf.matMul(tf.matMul(Xc, tf.transpose(components)), components);
    return tf.sum(tf.square(tf.sub(recon, Xc))).div(X.shape[0]);
  });
  const value = pcaError.dataSync()[0];
  pcaError.dispose();
  return { mean, components, pcaError: value };
}

/** Decoder row-space distance to the PCA subspace, and both mean squared reconstruction errors. */
export function compareWithPca(tf: typeof tfjs, X: tfjs.Tensor2D, params: AEParams, truth: PcaTruth): AEVersusPca {
  const distance = subspaceDistance(tf.transpose(params.Wd) as tfjs.Tensor2D, tf.transpose(truth.components) as tfjs.Tensor2D);
  const err = tf.tidy(() => {
    const { code, recon } = linearAEForward(X, params);
    code.dispose();
    return tf.sum(tf.square(tf.sub(recon, X))).div(X.shape[0]);
  });
  const aeError = err.dataSync()[0];
  err.dispose();
  return { distance, aeError, pcaError: truth.pcaError };
}

/** The trained parameters in `actual.params`, or why they cannot be judged. */
function trainedParams(actual: CaseValue, ctx: PropertyContext): AEParams | string {
  const p0 = (ctx.args[1] as { [k: string]: tfjs.Tensor });
  const params = (actual as { [k: string]: CaseValue } | null)?.params as { [k: string]: CaseValue } | undefined;
  if (params === undefined || params === null || typeof params !== 'object') return 'the result has no `params` object';
  for (const key of ['We', 'be', 'Wd', 'bd']) {
    const t = params[key];
    if (!(t instanceof ctx.tf.Tensor)) return `params.${key} is not a tensor`;
    if (t.shape.join(',') !== p0[key].shape.join(',')) return `params.${key} has shape [${t.shape}], expected [${p0[key].shape}]`;
    if (!Array.from(t.dataSync()).every(Number.isFinite)) return `params.${key} holds NaN or Infinity`;
  }
  return params as unknown as AEParams;
}

function judge(actual: CaseValue, ctx: PropertyContext, decide: (r: AEVersusPca) => Verdict): Verdict {
  const params = trainedParams(actual, ctx);
  if (typeof params === 'string') return { pass: false, message: `cannot judge the trained autoencoder: ${params}` };
  return decide(compareWithPca(ctx.tf, ctx.args[0] as tfjs.Tensor2D, params, ctx.truth as PcaTruth));
}

export const properties: PropertyTable = {
  /** The decoder's row space (`Wd^T`) lies within `maxDistance` of the top-m PCA subspace. */
  decoderSpansPcaSubspace: defineProperty<{ maxDistance: number }>({
    options: { type: 'object', properties: { maxDistance: { type: 'number', exclusiveMinimum: 0 } }, required: ['maxDistance'], additionalProperties: false },
    judge(actual, ctx) {
      const limit = ctx.options.maxDistance;
      return judge(actual, ctx, ({ distance }) => ({
        pass: distance <= limit,
        message: `subspaceDistance(Wd^T, top-m PCA axes) = ${distance.toPrecision(3)} (must be <= ${limit})`,
      }));
    },
  }),

  /** The AE's mean squared reconstruction error is within `maxRelativeGap` of PCA's. */
  reconstructionMatchesPca: defineProperty<{ maxRelativeGap: number }>({
    options: { type: 'object', properties: { maxRelativeGap: { type: 'number', exclusiveMinimum: 0 } }, required: ['maxRelativeGap'], additionalProperties: false },
    judge(actual, ctx) {
      const limit = ctx.options.maxRelativeGap;
      return judge(actual, ctx, ({ aeError, pcaError }) => {
        const gap = Math.abs(aeError - pcaError) / pcaError;
        return {
          pass: gap <= limit,
          message:
            `reconstruction error ${aeError.toPrecision(5)} vs PCA's ${pcaError.toPrecision(5)}: ` +
            `${(100 * gap).toFixed(2)}% apart (must be <= ${100 * limit}%)`,
        };
      });
    },
  }),
};
