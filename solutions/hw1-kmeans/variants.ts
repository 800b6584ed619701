import { readFileSync } from 'node:fs';
import { exportedFunction, type Variant } from '../../grader/staff/api.ts';

const reference = readFileSync(new URL('./kmeans.ts', import.meta.url), 'utf8');

/** An edit that replaces the reference's function `name` with `source` (a whole function, or several). */
const rewrite = (name: string, source: string) => ({ find: exportedFunction(reference, name), replace: source });

/** Realistic hw1 bugs, each an edit of the reference, with the parts it must cost. */
export const bugs: Variant[] = [
  {
    name: 'argmax-instead-of-argmin',
    description: 'assigns every point to its farthest center',
    edits: [{ find: 'tf.argMin(pairwiseSqDistances(X, C), 1)', replace: 'tf.argMax(pairwiseSqDistances(X, C), 1)' }],
    loses: ['assignClusters', 'kmeans'],
  },
  {
    name: 'ties-to-last-index',
    description: 'breaks exact ties towards the largest center index',
    edits: [
      {
        find: 'tf.argMin(pairwiseSqDistances(X, C), 1)',
        replace: 'tf.sub(C.shape[0] - 1, tf.argMin(tf.reverse(pairwiseSqDistances(X, C), 1), 1))',
      },
    ],
    loses: ['assignClusters', 'kmeans'],
  },
  {
    name: 'nan-on-empty-cluster',
    description: 'divides by a zero count, so an empty cluster gets NaN',
    edits: [{ find: 'return tf.where(tf.greater(counts, 0), means, C) as tf.Tensor2D;', replace: 'return tf.div(sums, counts) as tf.Tensor2D;' }],
    loses: ['updateCenters', 'kmeans'],
  },
  {
    name: 'objective-as-mean',
    description: 'averages the squared distances over the rows instead of summing them',
    edits: [{ find: 'tf.sum(tf.square(tf.sub(X, tf.gather(C, labels))))', replace: 'tf.mean(tf.sum(tf.square(tf.sub(X, tf.gather(C, labels))), 1))' }],
    loses: ['kmeans', 'kmeansObjective'],
  },
  {
    name: 'plusplus-proportional-to-distance',
    description: 'samples k-means++ centers proportionally to D instead of D^2',
    edits: [{ find: 'return tf.cumsum(tf.div(D, tf.sum(D)));', replace: 'return tf.cumsum(tf.div(tf.sqrt(D), tf.sum(tf.sqrt(D))));' }],
    loses: ['kmeansPlusPlusInit'],
  },
  {
    name: 'stops-after-one-iteration',
    description: 'leaves the loop after the first iteration',
    edits: [{ find: 'if (n >= 2 && objectives[n - 2] - objectives[n - 1] <= tol) break;', replace: 'break;' }],
    loses: ['kmeans'],
  },
  {
    name: 'ignores-tol',
    description: 'stops only when the objective stops dropping, whatever tol says',
    edits: [{ find: 'objectives[n - 2] - objectives[n - 1] <= tol) break;', replace: 'objectives[n - 2] - objectives[n - 1] <= 0) break;' }],
    loses: ['kmeans'],
  },
  {
    name: 'one-hot-membership',
    description: 'builds the membership matrix with tf.oneHot, which refuses depth 1 (k = 1)',
    edits: [{ find: "tf.equal(tf.expandDims(labels, 1), tf.range(0, k, 1, 'int32').expandDims(0)).toFloat()", replace: "tf.oneHot(tf.cast(labels, 'int32'), k).toFloat()" }],
    loses: ['updateCenters', 'kmeans'],
  },
  {
    name: 'expanded-distances-unclamped',
    description: 'computes ||x||^2 - 2 x.c + ||c||^2 and forgets the clamp: float32 rounds some distances near 0 below 0',
    edits: [
      {
        find: `    const diff = tf.sub(tf.expandDims(X, 1), tf.expandDims(C, 0));
    return tf.maximum(tf.sum(tf.square(diff), 2), 0) as tf.Tensor2D;`,
        replace: `    const xx = tf.sum(tf.square(X), 1, true);
    const cc = tf.sum(tf.square(C), 1, true).transpose();
    return tf.add(tf.sub(xx, tf.mul(2, tf.matMul(X, C, false, true))), cc) as tf.Tensor2D;`,
      },
    ],
    loses: ['pairwiseSqDistances'],
  },
  {
    name: 'iterations-off-by-one',
    description: 'runs up to maxIters + 1 iterations (<= in the loop test)',
    edits: [{ find: 'for (let iter = 0; iter < maxIters; iter++) {', replace: 'for (let iter = 0; iter <= maxIters; iter++) {' }],
    loses: ['kmeans'],
  },
  {
    name: 'counts-over-wrong-axis',
    description: 'counts the members of each cluster by summing the membership matrix over its columns (axis 1) instead of its rows',
    edits: [{ find: 'const counts = tf.sum(onehot, 0).expandDims(1);', replace: 'const counts = tf.sum(onehot, 1).expandDims(1);' }],
    loses: ['kmeans', 'updateCenters'],
  },
  {
    name: 'empty-cluster-moves-to-origin',
    description: 'guards the division but forgets to keep the previous center: an empty cluster jumps to 0',
    edits: [{ find: 'return tf.where(tf.greater(counts, 0), means, C) as tf.Tensor2D;', replace: 'return means as tf.Tensor2D;' }],
    loses: ['kmeans', 'updateCenters'],
  },
  {
    name: 'labels-from-final-centers',
    description: 'returns the labels recomputed from the final centers instead of the last iteration\'s labels',
    edits: [{ find: 'return { centers: C, labels: labels!, objectives, iterations: objectives.length };', replace: 'labels!.dispose();\n  return { centers: C, labels: assignClusters(X, C), objectives, iterations: objectives.length };' }],
    loses: ['kmeans'],
  },
  {
    name: 'objective-before-update',
    description: 'records F with the centers from before the update step',
    edits: [
      {
        find: `    const next = updateCenters(X, labels, C);
    C.dispose();
    C = next;
    objectives.push(await kmeansObjective(X, C, labels));`,
        replace: `    objectives.push(await kmeansObjective(X, C, labels));
    const next = updateCenters(X, labels, C);
    C.dispose();
    C = next;`,
      },
    ],
    loses: ['kmeans'],
  },
  {
    name: 'objective-not-squared',
    description: 'sums the distances ||x_i - c_(a_i)|| instead of their squares',
    edits: [{ find: 'tf.sum(tf.square(tf.sub(X, tf.gather(C, labels))))', replace: "tf.sum(tf.norm(tf.sub(X, tf.gather(C, labels)), 'euclidean', 1))" }],
    loses: ['kmeans', 'kmeansObjective'],
  },
  {
    name: 'plusplus-distance-to-last-center',
    description: 'k-means++ weighs points by their distance to the last chosen center, not the nearest chosen one',
    edits: [{ find: 'const centers = tf.gather(X, chosen);', replace: 'const centers = tf.gather(X, [chosen[chosen.length - 1]]);' }],
    loses: ['kmeansPlusPlusInit'],
  },
  {
    name: 'plusplus-first-center-rounded',
    description: 'picks the first k-means++ center as X[round(u[0] * (n - 1))] instead of X[floor(u[0] * n)]',
    edits: [{ find: 'const chosen = [Math.floor(draws[0] * n)];', replace: 'const chosen = [Math.round(draws[0] * (n - 1))];' }],
    loses: ['kmeansPlusPlusInit'],
  },
  {
    name: 'disposes-input-centers',
    description: 'starts Lloyd from C0 itself (no clone), so the first update disposes the caller\'s C0',
    edits: [{ find: 'let C = C0.clone();', replace: 'let C = C0;' }],
    loses: ['kmeans'],
  },
];

/** Correct implementations written differently from the reference: they must get 100. */
export const alternatives: Variant[] = [
  {
    name: 'expanded-distance-formula',
    description: '||x||^2 - 2 x.c + ||c||^2 with a matMul, clamped at 0',
    edits: [
      {
        find: `    const diff = tf.sub(tf.expandDims(X, 1), tf.expandDims(C, 0));
    return tf.maximum(tf.sum(tf.square(diff), 2), 0) as tf.Tensor2D;`,
        replace: `    const xx = tf.sum(tf.square(X), 1, true);
    const cc = tf.sum(tf.square(C), 1, true).transpose();
    return tf.maximum(tf.add(tf.sub(xx, tf.mul(2, tf.matMul(X, C, false, true))), cc), 0) as tf.Tensor2D;`,
      },
    ],
    loses: [],
  },
  {
    name: 'update-with-loops',
    description: 'centers computed row by row in plain JS',
    edits: [
      {
        find: `  return tf.tidy(() => {
    const k = C.shape[0];`,
        replace: `  const [x, l, c] = [X.arraySync(), labels.arraySync(), C.arraySync()];
  const out = c.map((center, j) => {
    const rows = x.filter((_, i) => l[i] === j);
    return rows.length ? center.map((_, q) => rows.reduce((s, r) => s + r[q], 0) / rows.length) : center;
  });
  if (out.length >= 0) return tf.tensor2d(out, C.shape);
  return tf.tidy(() => {
    const k = C.shape[0];`,
      },
    ],
    loses: [],
  },
  {
    name: 'plain-js-float64',
    description: 'every export in plain JS loops over arraySync()/dataSync() values, in float64, with tensors built only at the end',
    edits: [
      rewrite(
        'pairwiseSqDistances',
        `type Rows = number[][];

function sqDistanceRows(x: Rows, c: Rows): Rows {
  const D: Rows = [];
  for (let i = 0; i < x.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < c.length; j++) {
      let s = 0;
      for (let q = 0; q < x[i].length; q++) {
        const t = x[i][q] - c[j][q];
        s += t * t;
      }
      row.push(s);
    }
    D.push(row);
  }
  return D;
}

function nearest(x: Rows, c: Rows): number[] {
  return sqDistanceRows(x, c).map((row) => {
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j] < row[best]) best = j;
    return best;
  });
}

function meansOf(x: Rows, labels: ArrayLike<number>, c: Rows): Rows {
  const sums = c.map((row) => row.map(() => 0));
  const counts = c.map(() => 0);
  for (let i = 0; i < x.length; i++) {
    counts[labels[i]]++;
    for (let q = 0; q < x[i].length; q++) sums[labels[i]][q] += x[i][q];
  }
  return sums.map((row, j) => (counts[j] === 0 ? c[j].slice() : row.map((v) => v / counts[j])));
}

function objectiveOf(x: Rows, c: Rows, labels: ArrayLike<number>): number {
  let F = 0;
  for (let i = 0; i < x.length; i++) {
    for (let q = 0; q < x[i].length; q++) {
      const t = x[i][q] - c[labels[i]][q];
      F += t * t;
    }
  }
  return F;
}

export function pairwiseSqDistances(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor2D {
  return tf.tensor2d(sqDistanceRows(X.arraySync(), C.arraySync()), [X.shape[0], C.shape[0]]);
}
`,
      ),
      rewrite(
        'assignClusters',
        `export function assignClusters(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor1D {
  return tf.tensor1d(nearest(X.arraySync(), C.arraySync()), 'int32');
}
`,
      ),
      rewrite(
        'updateCenters',
        `export function updateCenters(X: tf.Tensor2D, labels: tf.Tensor1D, C: tf.Tensor2D): tf.Tensor2D {
  return tf.tensor2d(meansOf(X.arraySync(), labels.dataSync(), C.arraySync()), C.shape);
}
`,
      ),
      rewrite(
        'kmeansObjective',
        `export function kmeansObjective(X: tf.Tensor2D, C: tf.Tensor2D, labels: tf.Tensor1D): number {
  return objectiveOf(X.arraySync(), C.arraySync(), labels.dataSync());
}
`,
      ),
      rewrite(
        'kmeansPlusPlusInit',
        `export function kmeansPlusPlusInit(X: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor2D {
  const x = X.arraySync();
  const n = x.length;
  const draws = u.dataSync();
  const chosen = [Math.floor(draws[0] * n)];
  const D = sqDistanceRows(x, [x[chosen[0]]]).map((row) => row[0]);
  for (let t = 1; t < k; t++) {
    let total = 0;
    for (const v of D) total += v;
    let cum = 0;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      cum += D[i] / total;
      if (cum > draws[t]) {
        pick = i;
        break;
      }
    }
    chosen.push(pick);
    const toNew = sqDistanceRows(x, [x[pick]]);
    for (let i = 0; i < n; i++) D[i] = Math.min(D[i], toNew[i][0]);
  }
  return tf.tensor2d(chosen.map((i) => x[i]), [k, X.shape[1]]);
}
`,
      ),
      rewrite(
        'kmeans',
        `export function kmeans(X: tf.Tensor2D, C0: tf.Tensor2D, maxIters: number, tol: number): KMeansResult {
  const x = X.arraySync();
  let c = C0.arraySync();
  let labels: number[] = [];
  const objectives: number[] = [];
  for (let iter = 0; iter < maxIters; iter++) {
    labels = nearest(x, c);
    c = meansOf(x, labels, c);
    const F = objectiveOf(x, c, labels);
    const previous = objectives.length ? objectives[objectives.length - 1] : Infinity;
    objectives.push(F);
    if (previous - F <= tol) break;
  }
  return { centers: tf.tensor2d(c, C0.shape), labels: tf.tensor1d(labels, 'int32'), objectives, iterations: objectives.length };
}
`,
      ),
    ],
    loses: [],
  },
  {
    name: 'variables-and-segment-sums',
    description: 'one augmented matMul for the distances, argmax of the minimum mask, unsortedSegmentSum means, the objective expanded, tf.Variables in k-means++ and Lloyd',
    edits: [
      rewrite(
        'pairwiseSqDistances',
        `export function pairwiseSqDistances(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    // [x, |x|^2, 1] . [-2c, 1, |c|^2] = |x|^2 - 2 x.c + |c|^2
    const A = tf.concat([X, tf.sum(tf.square(X), 1, true), tf.onesLike(tf.slice(X, [0, 0], [-1, 1]))], 1);
    const B = tf.concat([tf.mul(C, -2), tf.onesLike(tf.slice(C, [0, 0], [-1, 1])), tf.sum(tf.square(C), 1, true)], 1);
    return tf.relu(tf.matMul(A, B, false, true)) as tf.Tensor2D;
  });
}
`,
      ),
      rewrite(
        'assignClusters',
        `export function assignClusters(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const D = pairwiseSqDistances(X, C);
    const isMin = tf.lessEqual(D, tf.min(D, 1, true));
    // argMax returns the first of equal maxima: the smallest index among the minima.
    return tf.cast(tf.argMax(tf.cast(isMin, 'float32'), 1), 'int32') as tf.Tensor1D;
  });
}
`,
      ),
      rewrite(
        'updateCenters',
        `export function updateCenters(X: tf.Tensor2D, labels: tf.Tensor1D, C: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const k = C.shape[0];
    const ids = tf.cast(labels, 'int32');
    const sums = tf.unsortedSegmentSum(X, ids, k);
    const counts = tf.unsortedSegmentSum(tf.ones([X.shape[0], 1]), ids, k);
    const safe = tf.where(tf.equal(counts, 0), tf.onesLike(counts), counts);
    return tf.where(tf.tile(tf.greater(counts, 0), [1, X.shape[1]]), tf.div(sums, safe), C) as tf.Tensor2D;
  });
}
`,
      ),
      rewrite(
        'kmeansObjective',
        `export async function kmeansObjective(X: tf.Tensor2D, C: tf.Tensor2D, labels: tf.Tensor1D): Promise<number> {
  // sum_i |x_i|^2 - 2 x_i.c_(a_i) + |c_(a_i)|^2
  const F = tf.tidy(() => {
    const Ca = tf.gather(C, labels);
    return tf.sum(tf.add(tf.sub(tf.sum(tf.square(X), 1), tf.mul(2, tf.sum(tf.mul(X, Ca), 1))), tf.sum(tf.square(Ca), 1)));
  });
  const value = (await F.array()) as number;
  F.dispose();
  return value;
}
`,
      ),
      rewrite(
        'kmeansPlusPlusInit',
        `export async function kmeansPlusPlusInit(X: tf.Tensor2D, k: number, u: tf.Tensor1D): Promise<tf.Tensor2D> {
  const n = X.shape[0];
  const draws = await u.array();
  const chosen = [Math.floor(draws[0] * n)];
  const first = tf.tidy(() => tf.reshape(pairwiseSqDistances(X, tf.gather(X, chosen) as tf.Tensor2D), [n]));
  const nearest = tf.variable(first);
  first.dispose();
  for (let t = 1; t < k; t++) {
    // The smallest i with cumsum(D)_i > u[t] sum(D), i.e. cumsum(p)_i > u[t].
    const pick = tf.tidy(() => {
      const cum = tf.cumsum(nearest);
      const above = tf.greater(cum, tf.mul(draws[t], tf.sum(nearest)));
      return tf.argMax(tf.cast(above, 'int32'));
    });
    const i = (await pick.data())[0];
    pick.dispose();
    chosen.push(i);
    tf.tidy(() => {
      nearest.assign(tf.minimum(nearest, tf.reshape(pairwiseSqDistances(X, tf.gather(X, [i]) as tf.Tensor2D), [n])));
    });
  }
  nearest.dispose();
  return tf.tidy(() => tf.gather(X, tf.tensor1d(chosen, 'int32')) as tf.Tensor2D);
}
`,
      ),
      rewrite(
        'kmeans',
        `export async function kmeans(X: tf.Tensor2D, C0: tf.Tensor2D, maxIters: number, tol: number): Promise<KMeansResult> {
  const C = tf.variable(C0);
  const none = tf.zeros([X.shape[0]], 'int32');
  const labels = tf.variable(none);
  none.dispose();
  const objectives: number[] = [];
  let iter = 0;
  while (iter < maxIters) {
    tf.tidy(() => {
      labels.assign(assignClusters(X, C));
      C.assign(updateCenters(X, labels, C));
    });
    objectives.push(await kmeansObjective(X, C, labels));
    iter++;
    if (iter > 1 && objectives[iter - 1] >= objectives[iter - 2] - tol) break;
  }
  const result = { centers: tf.clone(C) as tf.Tensor2D, labels: tf.clone(labels) as tf.Tensor1D, objectives, iterations: objectives.length };
  C.dispose();
  labels.dispose();
  return result;
}
`,
      ),
    ],
    loses: [],
  },
  {
    name: 'other-readings',
    description: 'tf.squaredDifference without a clamp (it cannot go negative), a running strict minimum, per-cluster booleanMaskAsync means, per-row values summed in JS, k-means++ with float32 p and a float64 cumsum, Lloyd stopping on a running previous F or on unchanged labels',
    edits: [
      rewrite(
        'pairwiseSqDistances',
        `export function pairwiseSqDistances(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor2D {
  // A sum of squares is never negative: no clamp needed.
  return tf.tidy(() => tf.sum(tf.squaredDifference(tf.expandDims(X, 1), tf.expandDims(C, 0)), -1) as tf.Tensor2D);
}
`,
      ),
      rewrite(
        'assignClusters',
        `export function assignClusters(X: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const D = pairwiseSqDistances(X, C);
    const k = C.shape[0];
    let best = tf.squeeze(tf.slice(D, [0, 0], [-1, 1]), [1]);
    let index = tf.zerosLike(best).toInt();
    for (let j = 1; j < k; j++) {
      const dj = tf.squeeze(tf.slice(D, [0, j], [-1, 1]), [1]);
      // Strictly smaller only: an equal distance keeps the earlier index.
      const better = tf.less(dj, best);
      index = tf.where(better, tf.fill(index.shape, j, 'int32'), index);
      best = tf.minimum(best, dj);
    }
    return index as tf.Tensor1D;
  });
}
`,
      ),
      rewrite(
        'updateCenters',
        `export async function updateCenters(X: tf.Tensor2D, labels: tf.Tensor1D, C: tf.Tensor2D): Promise<tf.Tensor2D> {
  const rows: tf.Tensor1D[] = [];
  for (let j = 0; j < C.shape[0]; j++) {
    const mask = tf.equal(labels, j);
    const members = await tf.booleanMaskAsync(X, mask);
    mask.dispose();
    rows.push(tf.tidy(() => (members.shape[0] === 0 ? tf.squeeze(tf.slice(C, [j, 0], [1, -1]), [0]) : tf.mean(members, 0)) as tf.Tensor1D));
    members.dispose();
  }
  const out = tf.stack(rows) as tf.Tensor2D;
  tf.dispose(rows);
  return out;
}
`,
      ),
      rewrite(
        'kmeansObjective',
        `export async function kmeansObjective(X: tf.Tensor2D, C: tf.Tensor2D, labels: tf.Tensor1D): Promise<number> {
  const perRow = tf.tidy(() => tf.sum(tf.squaredDifference(X, tf.gather(C, labels)), 1));
  const values = await perRow.data();
  perRow.dispose();
  let F = 0;
  for (const v of values) F += v;
  return F;
}
`,
      ),
      rewrite(
        'kmeansPlusPlusInit',
        `export async function kmeansPlusPlusInit(X: tf.Tensor2D, k: number, u: tf.Tensor1D): Promise<tf.Tensor2D> {
  const n = X.shape[0];
  const draws = Array.from(await u.data());
  const firstT = tf.tidy(() => tf.floor(tf.mul(tf.slice(u, [0], [1]), n)));
  const chosen = [Math.min(n - 1, (await firstT.data())[0])];
  firstT.dispose();
  while (chosen.length < k) {
    const probs = tf.tidy(() => {
      const D = tf.min(pairwiseSqDistances(X, tf.gather(X, chosen) as tf.Tensor2D), 1);
      return tf.div(D, tf.sum(D));
    });
    const p = await probs.data();
    probs.dispose();
    let cum = 0;
    let pick = -1;
    let lastPositive = 0;
    for (let i = 0; i < n; i++) {
      if (p[i] > 0) lastPositive = i;
      cum += p[i];
      if (pick < 0 && cum > draws[chosen.length]) pick = i;
    }
    // Rounding can leave cumsum(p) just short of u: take the last point that can be drawn.
    chosen.push(pick < 0 ? lastPositive : pick);
  }
  return tf.tidy(() => tf.gather(X, chosen) as tf.Tensor2D);
}
`,
      ),
      rewrite(
        'kmeans',
        `export async function kmeans(X: tf.Tensor2D, C0: tf.Tensor2D, maxIters: number, tol: number): Promise<KMeansResult> {
  let centers = tf.clone(C0);
  let labels = assignClusters(X, centers);
  const objectives: number[] = [];
  let previous = Number.POSITIVE_INFINITY;
  let previousLabels: Int32Array | undefined;
  for (;;) {
    // Labels that did not change give the same centers and the same F: stopping on them too changes nothing.
    const current = (await labels.data()) as Int32Array;
    const unchanged = previousLabels !== undefined && current.every((l, i) => l === previousLabels![i]);
    previousLabels = current;
    const next = await updateCenters(X, labels, centers);
    centers.dispose();
    centers = next;
    const F = await kmeansObjective(X, centers, labels);
    objectives.push(F);
    const converged = unchanged || previous - F <= tol;
    previous = F;
    if (converged || objectives.length === maxIters) break;
    labels.dispose();
    labels = assignClusters(X, centers);
  }
  return { centers, labels, objectives, iterations: objectives.length };
}
`,
      ),
    ],
    loses: [],
  },
];
