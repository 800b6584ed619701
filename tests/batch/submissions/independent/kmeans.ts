// A correct hw1 written from the handout alone, in another style than the reference: for the similarity tests.
import * as tf from '@tensorflow/tfjs';

export type KMeansResult = {
  centers: tf.Tensor2D;
  labels: tf.Tensor1D;
  objectives: number[];
  iterations: number;
};

export function pairwiseSqDistances(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const xNorms = X.square().sum(1).reshape([-1, 1]);
    const cNorms = C.square().sum(1).reshape([1, -1]);
    return xNorms.add(cNorms).sub(X.matMul(C.transpose()).mul(2)).relu() as tf.Tensor2D;
  });
}

export function assignClusters(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor1D {
  const D = pairwiseSqDistances(X, C);
  const nearest = D.argMin(1).cast('int32') as tf.Tensor1D;
  D.dispose();
  return nearest;
}

export function updateCenters(X: tf.Tensor2D, labels: tf.Tensor1D, C: tf.Tensor2D): tf.Tensor2D {
  const points = X.arraySync();
  const owner = labels.arraySync();
  const previous = C.arraySync();
  const totals = previous.map((row) => row.map(() => 0));
  const sizes = previous.map(() => 0);
  points.forEach((p, i) => {
    sizes[owner[i]] += 1;
    p.forEach((v, j) => (totals[owner[i]][j] += v));
  });
  const next = totals.map((t, c) => (sizes[c] === 0 ? previous[c] : t.map((v) => v / sizes[c])));
  return tf.tensor2d(next, [previous.length, previous[0].length]);
}

export async function kmeansObjective(X: tf.Tensor2D, C: tf.Tensor2D, labels: tf.Tensor1D): Promise<number> {
  const [points, centers, owner] = await Promise.all([X.array(), C.array(), labels.array()]);
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = 0; j < points[i].length; j++) total += (points[i][j] - centers[owner[i]][j]) ** 2;
  }
  return total;
}

export async function kmeansPlusPlusInit(X: tf.Tensor2D, k: number, u: tf.Tensor1D): Promise<tf.Tensor2D> {
  const points = await X.array();
  const uniforms = await u.array();
  const picked = [points[Math.floor(uniforms[0] * points.length)]];
  while (picked.length < k) {
    const gaps = points.map((p) => Math.min(...picked.map((c) => c.reduce((s, v, j) => s + (v - p[j]) ** 2, 0))));
    const mass = gaps.reduce((a, b) => a + b, 0);
    let running = 0;
    let choice = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      running += gaps[i] / mass;
      if (running > uniforms[picked.length]) {
        choice = i;
        break;
      }
    }
    picked.push(points[choice]);
  }
  return tf.tensor2d(picked);
}

export async function kmeans(X: tf.Tensor2D, C0: tf.Tensor2D, maxIters: number, tol: number): Promise<KMeansResult> {
  let centers = C0.clone();
  let labels = assignClusters(X, centers);
  const objectives: number[] = [];
  while (objectives.length < maxIters) {
    if (objectives.length) {
      labels.dispose();
      labels = assignClusters(X, centers);
    }
    const moved = updateCenters(X, labels, centers);
    centers.dispose();
    centers = moved;
    objectives.push(await kmeansObjective(X, centers, labels));
    const [before, after] = objectives.slice(-2);
    if (objectives.length > 1 && before - after <= tol) break;
  }
  return { centers, labels, objectives, iterations: objectives.length };
}
