/**
 * hw1: k-means as coordinate descent.
 *
 * The objective F(C, a) = sum_i ||x_i - c_{a_i}||^2 is minimised exactly over
 * the assignments a with the centers fixed, then exactly over the centers with
 * the assignments fixed, so F never increases. Data matrices are [n, d]
 * float32, one sample per row; labels are int32.
 */
import * as tf from '@tensorflow/tfjs';

/** Result of a k-means run. */
export type KMeansResult = {
  centers: tf.Tensor2D;
  labels: tf.Tensor1D;
  objectives: number[];
  iterations: number;
};

/** D[i, j] = ||x_i - c_j||^2 for X [n, d] and C [k, d]; never negative. */
export function pairwiseSqDistances(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor2D {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const diff = tf.sub(tf.expandDims(X, 1), tf.expandDims(C, 0));
    return tf.maximum(tf.sum(tf.square(diff), 2), 0) as tf.Tensor2D;
  });
  // END SOLUTION
}

/** The index of the nearest center for every row of X (int32 [n]); ties go to the smallest index. */
export function assignClusters(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor1D {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.argMin(pairwiseSqDistances(X, C), 1).toInt() as tf.Tensor1D);
  // END SOLUTION
}

/** Row j is the mean of the rows of X labelled j; a cluster with no rows keeps its previous center C[j]. */
export function updateCenters(X: tf.Tensor2D, labels: tf.Tensor1D, C: tf.Tensor2D): tf.Tensor2D {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const k = C.shape[0];
    // tf.oneHot refuses depth 1, so build the [n, k] membership matrix by comparison.
    const onehot = tf.equal(tf.expandDims(labels, 1), tf.range(0, k, 1, 'int32').expandDims(0)).toFloat() as tf.Tensor2D;
    const counts = tf.sum(onehot, 0).expandDims(1);
    const sums = tf.matMul(onehot, X, true, false);
    const means = tf.div(sums, tf.maximum(counts, 1));
    return tf.where(tf.greater(counts, 0), means, C) as tf.Tensor2D;
  });
  // END SOLUTION
}

/** F = sum_i ||x_i - C[labels_i]||^2 (a sum, not a mean), as a number. */
export async function kmeansObjective(X: tf.Tensor2D, C: tf.Tensor2D, labels: tf.Tensor1D): Promise<number> {
  // BEGIN SOLUTION
  const F = tf.tidy(() => tf.sum(tf.square(tf.sub(X, tf.gather(C, labels)))));
  const value = (await F.data())[0];
  F.dispose();
  return value;
  // END SOLUTION
}

/**
 * k-means++ seeding driven by the uniforms u [k]: the first center is
 * X[floor(u[0] * n)]; center t >= 1 is the smallest i with cumsum(p)_i > u[t],
 * where p_i = D_i / sum D and D_i is the squared distance from x_i to the
 * nearest center chosen so far.
 */
export async function kmeansPlusPlusInit(X: tf.Tensor2D, k: number, u: tf.Tensor1D): Promise<tf.Tensor2D> {
  // BEGIN SOLUTION
  const n = X.shape[0];
  const draws = await u.data();
  const chosen = [Math.floor(draws[0] * n)];
  for (let t = 1; t < k; t++) {
    const cumulative = tf.tidy(() => {
      const centers = tf.gather(X, chosen);
      const D = tf.min(pairwiseSqDistances(X, centers as tf.Tensor2D), 1);
      return tf.cumsum(tf.div(D, tf.sum(D)));
    });
    const cum = await cumulative.data();
    cumulative.dispose();
    const i = cum.findIndex((c) => c > draws[t]);
    chosen.push(i >= 0 ? i : n - 1);
  }
  return tf.tidy(() => tf.gather(X, chosen) as tf.Tensor2D);
  // END SOLUTION
}

/**
 * Lloyd's algorithm from the centers C0 (maxIters >= 1). Each iteration
 * assigns, updates the centers and records F; it stops after maxIters
 * iterations or as soon as F went down by no more than tol.
 */
export async function kmeans(X: tf.Tensor2D, C0: tf.Tensor2D, maxIters: number, tol: number): Promise<KMeansResult> {
  // BEGIN SOLUTION
  let C = C0.clone();
  let labels: tf.Tensor1D | undefined;
  const objectives: number[] = [];
  for (let iter = 0; iter < maxIters; iter++) {
    labels?.dispose();
    labels = assignClusters(X, C);
    const next = updateCenters(X, labels, C);
    C.dispose();
    C = next;
    objectives.push(await kmeansObjective(X, C, labels));
    const n = objectives.length;
    if (n >= 2 && objectives[n - 2] - objectives[n - 1] <= tol) break;
  }
  return { centers: C, labels: labels!, objectives, iterations: objectives.length };
  // END SOLUTION
}
