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
  throw new Error('Not implemented: pairwiseSqDistances (kmeans.ts)');
}

/** The index of the nearest center for every row of X (int32 [n]); ties go to the smallest index. */
export function assignClusters(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor1D {
  throw new Error('Not implemented: assignClusters (kmeans.ts)');
}

/** Row j is the mean of the rows of X labelled j; a cluster with no rows keeps its previous center C[j]. */
export function updateCenters(X: tf.Tensor2D, labels: tf.Tensor1D, C: tf.Tensor2D): tf.Tensor2D {
  throw new Error('Not implemented: updateCenters (kmeans.ts)');
}

/** F = sum_i ||x_i - C[labels_i]||^2 (a sum, not a mean), as a number. */
export async function kmeansObjective(X: tf.Tensor2D, C: tf.Tensor2D, labels: tf.Tensor1D): Promise<number> {
  throw new Error('Not implemented: kmeansObjective (kmeans.ts)');
}

/**
 * k-means++ seeding driven by the uniforms u [k]: the first center is
 * X[floor(u[0] * n)]; center t >= 1 is the smallest i with cumsum(p)_i > u[t],
 * where p_i = D_i / sum D and D_i is the squared distance from x_i to the
 * nearest center chosen so far.
 */
export async function kmeansPlusPlusInit(X: tf.Tensor2D, k: number, u: tf.Tensor1D): Promise<tf.Tensor2D> {
  throw new Error('Not implemented: kmeansPlusPlusInit (kmeans.ts)');
}

/**
 * Lloyd's algorithm from the centers C0 (maxIters >= 1). Each iteration
 * assigns, updates the centers and records F; it stops after maxIters
 * iterations or as soon as F went down by no more than tol.
 */
export async function kmeans(X: tf.Tensor2D, C0: tf.Tensor2D, maxIters: number, tol: number): Promise<KMeansResult> {
  throw new Error('Not implemented: kmeans (kmeans.ts)');
}
