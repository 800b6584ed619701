import type { Variant } from '../../grader/staff/api.ts';

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
];
