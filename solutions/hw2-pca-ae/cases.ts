import type * as tfjs from '@tensorflow/tfjs';
import { defineGenerator, normals as staffNormals, numberParams, type GeneratorContext, type GeneratorTable } from '../../grader/staff/api.ts';
import { pca, topEigenvectors, trainLinearAE } from './pca_ae.ts';
import { compareWithPca, pcaTruth } from './properties.ts';


/** Standard-normal draws as float32, as tensors store them. */
const normals = (ctx: GeneratorContext, count: number, scale = 1): Float32Array => Float32Array.from(staffNormals(ctx.random, count, scale));

function normal2d(ctx: GeneratorContext, rows: number, cols: number, scale = 1): tfjs.Tensor2D {
  return ctx.tf.tensor2d(normals(ctx, rows * cols, scale), [rows, cols]);
}

/** A uniform draw in [lo, hi). */
function uniform(ctx: GeneratorContext, lo: number, hi: number): number {
  return lo + (hi - lo) * ctx.random();
}

/** `cols` orthonormal columns of length `rows` (QR of a Gaussian matrix). */
function orthonormal(ctx: GeneratorContext, rows: number, cols: number): tfjs.Tensor2D {
  const G = normal2d(ctx, rows, cols);
  const Q = ctx.tf.linalg.qr(G)[0] as tfjs.Tensor2D;
  G.dispose();
  return Q;
}

/**
 * A spectrum whose first `top` values fall geometrically by a random ratio in
 * [0.3, 0.6] (well separated: 100 steps of any iteration shrink the error by
 * 0.6^100), followed by `rest` values at most 0.6x the last, scaled by `tail`.
 */
function spectrum(ctx: GeneratorContext, top: number, rest: number, scale: number, tail: number): number[] {
  const values = [scale * uniform(ctx, 1, 2)];
  for (let i = 1; i < top; i++) values.push(values[i - 1] * uniform(ctx, 0.3, 0.6));
  const last = values[top - 1];
  for (let i = 0; i < rest; i++) values.push(last * tail * uniform(ctx, 0.05, 0.6));
  return values;
}

/** Why the sign rule is a knife edge for `vectors [d,m]` (two entries of a column within 1e-3 in magnitude), or null. */
function signTie(vectors: tfjs.Tensor2D): string | null {
  const [d, m] = vectors.shape;
  const v = vectors.arraySync();
  for (let j = 0; j < m; j++) {
    const mags = Array.from({ length: d }, (_, i) => Math.abs(v[i][j])).sort((a, b) => b - a);
    if (d > 1 && mags[0] - mags[1] < 1e-3) return `column ${j} has two entries of nearly equal magnitude`;
  }
  return null;
}

/**
 * Data `[n,d]` whose centred part is `U diag(s) V^T` with prescribed singular
 * values, so the sample covariance has exactly the spectrum `s^2/(n-1)`; each
 * column is then shifted by `offset` times a random sign-and-size.
 */
function structuredData(ctx: GeneratorContext, n: number, d: number, variances: number[], offset: number): tfjs.Tensor2D {
  const tf = ctx.tf;
  const k = variances.length;
  return tf.tidy(() => {
    const Z = normal2d(ctx, n, k);
    const U = tf.linalg.qr(tf.sub(Z, tf.mean(Z, 0)))[0]; // [n,k], columns orthogonal to the ones vector
    const V = orthonormal(ctx, d, k); // [d,k]
    const s = tf.tensor1d(variances.map((v) => Math.sqrt(v * (n - 1))));
    const shift = tf.tensor1d(Array.from({ length: d }, () => offset * uniform(ctx, -1, 1)));
    return tf.add(tf.matMul(tf.mul(U, s), tf.transpose(V)), shift) as tfjs.Tensor2D;
  });
}

export const generators: GeneratorTable = {
  /** `[X]`: Gaussian data `[n,d]` with column scales in [0.5, 3) and column means `offset * U[-1,1)`. */
  gaussianData: defineGenerator({
    params: numberParams('n', 'd', 'offset'),
    generate({ n, d, offset }, ctx) {
    const scales = Array.from({ length: d }, () => uniform(ctx, 0.5, 3));
    const means = Array.from({ length: d }, () => offset * uniform(ctx, -1, 1));
    const z = normals(ctx, n * d);
    for (let i = 0; i < n * d; i++) z[i] = z[i] * scales[i % d] + means[i % d];
    return { args: [ctx.tf.tensor2d(z, [n, d])] };
    },
  }),

  /** `[X]`: rank-`rank` data plus Gaussian noise of size `noise` (a nearly rank-deficient covariance). */
  lowRankData: defineGenerator({
    params: numberParams('n', 'd', 'rank', 'noise', 'offset'),
    generate({ n, d, rank, noise, offset }, ctx) {
    const tf = ctx.tf;
    const X = tf.tidy(() => {
      const low = tf.matMul(normal2d(ctx, n, rank), normal2d(ctx, rank, d));
      const shift = tf.tensor1d(Array.from({ length: d }, () => offset * uniform(ctx, -1, 1)));
      return tf.add(tf.add(low, normal2d(ctx, n, d, noise)), shift) as tfjs.Tensor2D;
    });
    return { args: [X] };
    },
  }),

  /**
   * `[S, m, iters]`: `S = V diag(lambda) V^T`, random `V`, top `m+1` eigenvalues
   * well separated; `tail` scales the rest. Truth: the top `m` of `lambda`.
   */
  symmetricSpectrum: defineGenerator({
    params: numberParams('d', 'm', 'iters', 'scale', 'tail'),
    generate({ d, m, iters, scale, tail }, ctx) {
    const tf = ctx.tf;
    const top = Math.min(d, m + 1);
    const lambda = spectrum(ctx, top, d - top, scale, tail);
    const S = tf.tidy(() => {
      const V = orthonormal(ctx, d, d);
      const half = tf.matMul(V, tf.diag(tf.tensor1d(lambda)));
      const full = tf.matMul(half, tf.transpose(V));
      return tf.div(tf.add(full, tf.transpose(full)), 2) as tfjs.Tensor2D; // exactly symmetric in float32
    });
    const { values, vectors } = topEigenvectors(S, m, iters);
    const tie = signTie(vectors);
    tf.dispose([values, vectors]);
    if (tie !== null) {
      S.dispose();
      ctx.reject(`topEigenvectors: ${tie}`);
    }
    return { args: [S, m, iters], truth: { values: tf.tensor1d(lambda.slice(0, m)) } };
    },
  }),

  /**
   * `[X, m]`: data whose covariance has a well-separated top `m+1` spectrum
   * (`rank` nonzero variances, the last `rank - m - 1` of them scaled by `tail`)
   * and column means of size `offset`. Truth: the top `m` variances as built.
   */
  pcaData: defineGenerator({
    params: numberParams('n', 'd', 'm', 'rank', 'offset', 'scale', 'tail'),
    generate({ n, d, m, rank, offset, scale, tail }, ctx) {
    const top = Math.min(rank, m + 1);
    const variances = spectrum(ctx, top, rank - top, scale, tail);
    const X = structuredData(ctx, n, d, variances, offset);
    const { mean, components, explainedVariance } = pca(X, m);
    const vectors = ctx.tf.transpose(components) as tfjs.Tensor2D;
    const tie = signTie(vectors);
    ctx.tf.dispose([mean, components, explainedVariance, vectors]);
    if (tie !== null) {
      X.dispose();
      ctx.reject(`pca: ${tie}`);
    }
    return { args: [X, m], truth: { explainedVariance: ctx.tf.tensor1d(variances.slice(0, m)) } };
    },
  }),

  /** `[X, p]`: Gaussian data with column means of size `offset` and random AE parameters of size `scale`. */
  aeInputs: defineGenerator({
    params: numberParams('n', 'd', 'm', 'offset', 'scale'),
    generate({ n, d, m, offset, scale }, ctx) {
    const means = Array.from({ length: d }, () => offset * uniform(ctx, -1, 1));
    const z = normals(ctx, n * d);
    for (let i = 0; i < n * d; i++) z[i] += means[i % d];
    const tf = ctx.tf;
    const p = {
      We: normal2d(ctx, d, m, scale / Math.sqrt(d)),
      be: tf.tensor1d(normals(ctx, m, 0.1)),
      Wd: normal2d(ctx, m, d, scale / Math.sqrt(m)),
      bd: tf.tensor1d(normals(ctx, d, 0.1)),
    };
    return { args: [tf.tensor2d(z, [n, d]), p] };
    },
  }),

  /**
   * `[X, p0, steps, lr]`: data with `m` dominant directions (top variance in
   * [2, 4), then ratios in [0.3, 0.6]) over a tail `noise` times smaller,
   * initial weights of size `init`, zero biases.
   */
  aeTraining: defineGenerator({
    params: numberParams('n', 'd', 'm', 'steps', 'lr', 'offset', 'noise', 'init'),
    generate({ n, d, m, steps, lr, offset, noise, init }, ctx) {
    const variances = spectrum(ctx, m, d - m, 2, noise);
    const X = structuredData(ctx, n, d, variances, offset);
    const tf = ctx.tf;
    const p0 = {
      We: normal2d(ctx, d, m, init),
      be: tf.zeros([m]) as tfjs.Tensor1D,
      Wd: normal2d(ctx, m, d, init),
      bd: tf.zeros([d]) as tfjs.Tensor1D,
    };
    // The graded property must hold for the reference with a 5x margin, or the draw is refused.
    const { params: trained, losses } = trainLinearAE(X, p0, steps, lr);
    const truth = pcaTruth(tf, X, m);
    const { distance, aeError, pcaError } = compareWithPca(tf, X, trained, truth);
    tf.dispose(trained);
    if (!(distance < 0.01 && Math.abs(aeError - pcaError) < 0.002 * pcaError && losses.every(Number.isFinite))) {
      ctx.reject(`reference AE not converged: distance ${distance}, errors ${aeError} vs ${pcaError}`);
    }
    return { args: [X, p0, steps, lr], truth };
    },
  }),

  /**
   * `[A, B]`, both `[d,m]` with columns of mixed scale (never orthonormal).
   * `relation`: `random` (independent), `same` (B = A G, G invertible), `near`
   * (B's column space a small rotation of A's), `orthogonal` (disjoint spaces).
   */
  subspacePair: defineGenerator<{ d: number; m: number; relation: 'random' | 'same' | 'near' | 'orthogonal' }>({
    params: {
      type: 'object',
      properties: { d: { type: 'integer', minimum: 1 }, m: { type: 'integer', minimum: 1 }, relation: { type: 'string', enum: ['random', 'same', 'near', 'orthogonal'] } },
      required: ['d', 'm', 'relation'],
      additionalProperties: false,
    },
    generate({ d, m, relation }, ctx) {
    const tf = ctx.tf;
    const mix = (): tfjs.Tensor2D => {
      // Well conditioned, far from orthogonal: identity plus a strictly upper part, columns rescaled.
      const G = tf.buffer([m, m], 'float32');
      for (let i = 0; i < m; i++) {
        G.set(uniform(ctx, 0.5, 3), i, i);
        for (let j = i + 1; j < m; j++) G.set(uniform(ctx, -1, 1), i, j);
      }
      return G.toTensor() as tfjs.Tensor2D;
    };
    const pair = tf.tidy(() => {
      const A = tf.matMul(normal2d(ctx, d, m), mix()) as tfjs.Tensor2D;
      if (relation === 'random') return [A, tf.matMul(normal2d(ctx, d, m), mix())];
      if (relation === 'same') return [A, tf.matMul(A, mix())];
      const Q = orthonormal(ctx, d, d);
      const QA = Q.slice([0, 0], [d, m]);
      const rest = Q.slice([0, m], [d, m]);
      if (relation === 'orthogonal') return [tf.matMul(QA, mix()), tf.matMul(rest, mix())];
      return [tf.matMul(QA, mix()), tf.matMul(tf.add(QA, tf.mul(rest, 0.05)), mix())];
    });
    return { args: pair };
    },
  }),
};
