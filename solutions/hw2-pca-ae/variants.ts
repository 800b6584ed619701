import { readFileSync } from 'node:fs';
import { solutionBody, type Variant } from '../../grader/staff/api.ts';

const reference = readFileSync(new URL('./pca_ae.ts', import.meta.url), 'utf8');

/** Realistic hw2 bugs, each an edit of the reference, with the parts it must cost. */
export const bugs: Variant[] = [
  {
    name: 'no-centring',
    description: 'covariance forgets to centre: X^T X / (n-1)',
    edits: [{ find: 'tf.matMul(tf.transpose(centered), centered)', replace: 'tf.matMul(tf.transpose(X), X)' }],
    loses: ['covariance', 'pca'],
  },
  {
    name: 'covariance-over-n',
    description: 'covariance divides by n instead of n-1',
    edits: [{ find: '.div(n - 1)', replace: '.div(n)' }],
    loses: ['covariance', 'pca'],
  },
  {
    name: 'x-transposed',
    description: 'covariance treats X as [d,n]: Xc Xc^T / (n-1), an [n,n] matrix',
    edits: [{ find: 'tf.matMul(tf.transpose(centered), centered)', replace: 'tf.matMul(centered, tf.transpose(centered))' }],
    loses: ['covariance', 'pca'],
  },
  {
    name: 'eigenvalues-ascending',
    description: 'topEigenvectors returns the eigenpairs in ascending order',
    edits: [{ find: 'return { values, vectors };', replace: 'return { values: tf.reverse(values), vectors: tf.reverse(vectors, 1) as tf.Tensor2D };' }],
    loses: ['topEigenvectors', 'pca'],
  },
  {
    name: 'no-sign-rule',
    description: "topEigenvectors leaves each vector's sign as the iteration left it",
    edits: [{ find: 'const vectors = tf.mul(Q, tf.sign(picked)) as tf.Tensor2D;', replace: 'const vectors = Q.clone();' }],
    loses: ['topEigenvectors', 'pca'],
  },
  {
    name: 'nonlinear-code',
    description: 'linearAEForward applies a ReLU to the code',
    edits: [{ find: 'const code = tf.add(tf.matMul(X, p.We), p.be) as tf.Tensor2D;', replace: 'const code = tf.relu(tf.add(tf.matMul(X, p.We), p.be)) as tf.Tensor2D;' }],
    loses: ['linearAEForward', 'linearAELossAndGrads', 'trainLinearAE'],
  },
  {
    name: 'grads-missing-2',
    description: 'the gradients drop the factor 2 of the square',
    edits: [{ find: 'residual.mul(2 / n)', replace: 'residual.mul(1 / n)' }],
    loses: ['linearAELossAndGrads', 'trainLinearAE'],
  },
  {
    name: 'grads-missing-1-over-n',
    description: 'the gradients drop the 1/n of the mean',
    edits: [{ find: 'residual.mul(2 / n)', replace: 'residual.mul(2)' }],
    loses: ['linearAELossAndGrads', 'trainLinearAE'],
  },
  {
    name: 'subspace-not-orthonormalised',
    description: 'subspaceDistance uses A A^T and B B^T without orthonormalising',
    edits: [
      { find: 'const QA = tf.linalg.qr(A)[0];', replace: 'const QA = A;' },
      { find: 'const QB = tf.linalg.qr(B)[0];', replace: 'const QB = B;' },
    ],
    loses: ['subspaceDistance'],
  },
  {
    name: 'autodiff-in-loss-and-grads',
    description: 'takes the gradients with tf.grads instead of deriving them (banned: the part is rejected unrun)',
    edits: [
      {
        find: `    const dRecon = residual.mul(2 / n); // d loss / d recon
    const dCode = tf.matMul(dRecon, tf.transpose(p.Wd));
    const grads: AEParams = {
      We: tf.matMul(tf.transpose(X), dCode) as tf.Tensor2D,
      be: tf.sum(dCode, 0) as tf.Tensor1D,
      Wd: tf.matMul(tf.transpose(code), dRecon) as tf.Tensor2D,
      bd: tf.sum(dRecon, 0) as tf.Tensor1D,
    };`,
        replace: `    const f = (We: tf.Tensor, be: tf.Tensor, Wd: tf.Tensor, bd: tf.Tensor) =>
      tf.sum(tf.square(tf.sub(tf.add(tf.matMul(tf.add(tf.matMul(X, We), be), Wd), bd), X))).div(n) as tf.Scalar;
    const [We, be, Wd, bd] = tf.grads(f)([p.We, p.be, p.Wd, p.bd]);
    const grads = { We, be, Wd, bd } as AEParams;
    code.dispose();`,
      },
    ],
    loses: ['linearAELossAndGrads'],
  },
  {
    name: 'autodiff-behind-computed-key',
    description: 'hostile: reaches tf.grads through an alias and a computed key, to slip past a check that looks for the name (rejected unrun)',
    edits: [
      {
        find: `    const dRecon = residual.mul(2 / n); // d loss / d recon
    const dCode = tf.matMul(dRecon, tf.transpose(p.Wd));
    const grads: AEParams = {
      We: tf.matMul(tf.transpose(X), dCode) as tf.Tensor2D,
      be: tf.sum(dCode, 0) as tf.Tensor1D,
      Wd: tf.matMul(tf.transpose(code), dRecon) as tf.Tensor2D,
      bd: tf.sum(dRecon, 0) as tf.Tensor1D,
    };`,
        replace: `    const api = tf as unknown as Record<string, (f: unknown) => (xs: tf.Tensor[]) => tf.Tensor[]>;
    const f = (We: tf.Tensor, be: tf.Tensor, Wd: tf.Tensor, bd: tf.Tensor) =>
      tf.sum(tf.square(tf.sub(tf.add(tf.matMul(tf.add(tf.matMul(X, We), be), Wd), bd), X))).div(n) as tf.Scalar;
    const [We, be, Wd, bd] = api['gra' + 'ds'](f)([p.We, p.be, p.Wd, p.bd]);
    const grads = { We, be, Wd, bd } as AEParams;
    code.dispose();`,
      },
    ],
    loses: ['linearAELossAndGrads'],
  },
  {
    name: 'autodiff-through-engine',
    description: "hostile: takes the gradients with the engine's own tf.engine().gradients (rejected unrun)",
    edits: [
      {
        find: `    const dRecon = residual.mul(2 / n); // d loss / d recon
    const dCode = tf.matMul(dRecon, tf.transpose(p.Wd));
    const grads: AEParams = {
      We: tf.matMul(tf.transpose(X), dCode) as tf.Tensor2D,
      be: tf.sum(dCode, 0) as tf.Tensor1D,
      Wd: tf.matMul(tf.transpose(code), dRecon) as tf.Tensor2D,
      bd: tf.sum(dRecon, 0) as tf.Tensor1D,
    };`,
        replace: `    const xs = [p.We, p.be, p.Wd, p.bd];
    const { value, grads: g } = tf.engine().gradients(() => tf.sum(tf.square(tf.sub(tf.add(tf.matMul(tf.add(tf.matMul(X, xs[0]), xs[1]), xs[2]), xs[3]), X))).div(n) as tf.Scalar, xs);
    value.dispose();
    const grads = { We: g[0], be: g[1], Wd: g[2], bd: g[3] } as AEParams;
    code.dispose();`,
      },
    ],
    loses: ['linearAELossAndGrads'],
  },
  {
    name: 'sign-rule-without-abs',
    description: "topEigenvectors picks each column's largest entry, not its largest in magnitude, so a column led by a large negative entry is never flipped",
    edits: [{ find: 'const rows = tf.argMax(tf.abs(Q), 0);', replace: 'const rows = tf.argMax(Q, 0);' }],
    loses: ['topEigenvectors', 'pca'],
  },
  {
    name: 'columns-not-orthogonalised',
    description: 'topEigenvectors normalises each column of S Q instead of taking its QR factor, so every column converges to the top eigenvector',
    edits: [
      {
        find: 'const next = tf.tidy(() => tf.linalg.qr(tf.matMul(S, Q))[0] as tf.Tensor2D);',
        replace: 'const next = tf.tidy(() => { const W = tf.matMul(S, Q); return tf.div(W, tf.norm(W, \'euclidean\', 0)) as tf.Tensor2D; });',
      },
    ],
    loses: ['topEigenvectors', 'pca'],
  },
  {
    name: 'pca-too-few-iterations',
    description: 'pca runs 8 steps of orthogonal iteration, not enough to converge',
    edits: [{ find: 'const iters = 80;', replace: 'const iters = 8;' }],
    loses: ['pca'],
  },
  {
    name: 'components-scaled-by-std',
    description: 'pca returns unnormalised components: each axis scaled by its standard deviation (loadings), not unit vectors',
    edits: [
      {
        find: 'components: tf.transpose(vectors) as tf.Tensor2D,',
        replace: 'components: tf.transpose(tf.mul(vectors, tf.sqrt(values))) as tf.Tensor2D,',
      },
    ],
    loses: ['pca'],
  },
  {
    name: 'explained-variance-over-n',
    description: 'pca reports the variances over n (population), not the eigenvalues of the n-1 covariance',
    edits: [
      {
        find: 'explainedVariance: values };',
        replace: 'explainedVariance: tf.mul(values, (X.shape[0] - 1) / X.shape[0]) as tf.Tensor1D };',
      },
    ],
    loses: ['pca'],
  },
  {
    name: 'centre-rows-not-columns',
    description: 'centerData takes the mean over axis 1 (each row) instead of axis 0 (each column)',
    edits: [{ find: 'const mean = tf.mean(X, 0) as tf.Tensor1D;', replace: 'const mean = tf.mean(X, 1, true) as unknown as tf.Tensor1D;' }],
    loses: ['centerData', 'covariance', 'pca'],
  },
  {
    name: 'decoder-bias-missing',
    description: 'linearAEForward forgets the decoder bias: recon = code Wd',
    edits: [{ find: 'const recon = tf.add(tf.matMul(code, p.Wd), p.bd) as tf.Tensor2D;', replace: 'const recon = tf.matMul(code, p.Wd) as tf.Tensor2D;' }],
    loses: ['linearAEForward', 'linearAELossAndGrads', 'trainLinearAE'],
  },
  {
    name: 'loss-mean-over-all-entries',
    description: 'the loss is the mean over all n*d entries (tf.losses.meanSquaredError style), not a sum over features and a mean over samples',
    edits: [{ find: 'const lossT = tf.sum(tf.square(residual)).div(n);', replace: 'const lossT = tf.mean(tf.square(residual));' }],
    loses: ['linearAELossAndGrads', 'trainLinearAE'],
  },
  {
    name: 'bias-gradient-mean',
    description: "the encoder bias's gradient averages dL/dcode over rows instead of summing",
    edits: [{ find: 'be: tf.sum(dCode, 0) as tf.Tensor1D,', replace: 'be: tf.mean(dCode, 0) as tf.Tensor1D,' }],
    loses: ['linearAELossAndGrads', 'trainLinearAE'],
  },
  {
    name: 'loss-recorded-after-step',
    description: 'trainLinearAE records the loss after each step instead of before it',
    edits: [
      { find: '    losses.push(loss);\n', replace: '    void loss;\n' },
      {
        find: '    p = next;\n',
        replace: '    p = next;\n    const after = linearAELossAndGrads(X, p);\n    tf.dispose(after.grads);\n    losses.push(after.loss);\n',
      },
    ],
    loses: ['trainLinearAE'],
  },
  {
    name: 'lr-divided-by-n',
    description: 'trainLinearAE divides the learning rate by n, though the gradients already carry the 1/n of the mean',
    edits: [
      { find: 'We: tf.sub(p.We, tf.mul(grads.We, lr)),', replace: 'We: tf.sub(p.We, tf.mul(grads.We, lr / X.shape[0])),' },
      { find: 'be: tf.sub(p.be, tf.mul(grads.be, lr)),', replace: 'be: tf.sub(p.be, tf.mul(grads.be, lr / X.shape[0])),' },
      { find: 'Wd: tf.sub(p.Wd, tf.mul(grads.Wd, lr)),', replace: 'Wd: tf.sub(p.Wd, tf.mul(grads.Wd, lr / X.shape[0])),' },
      { find: 'bd: tf.sub(p.bd, tf.mul(grads.bd, lr)),', replace: 'bd: tf.sub(p.bd, tf.mul(grads.bd, lr / X.shape[0])),' },
    ],
    loses: ['trainLinearAE'],
  },
  {
    name: 'biases-not-trained',
    description: 'trainLinearAE updates the weights only and keeps the initial biases',
    edits: [
      { find: 'be: tf.sub(p.be, tf.mul(grads.be, lr)),', replace: 'be: p.be.clone(),' },
      { find: 'bd: tf.sub(p.bd, tf.mul(grads.bd, lr)),', replace: 'bd: p.bd.clone(),' },
    ],
    loses: ['trainLinearAE'],
  },
  {
    name: 'train-disposes-p0',
    description: 'trainLinearAE starts from p0 itself and disposes the previous parameters after each step, so it disposes the caller\'s p0',
    edits: [
      {
        find: 'let p: AEParams = tf.tidy(() => ({ We: p0.We.clone(), be: p0.be.clone(), Wd: p0.Wd.clone(), bd: p0.bd.clone() }));',
        replace: 'let p: AEParams = p0;',
      },
    ],
    loses: ['trainLinearAE'],
  },
  {
    name: 'subspace-missing-sqrt2',
    description: 'subspaceDistance forgets the 1/sqrt(2)',
    edits: [{ find: 'return tf.norm(diff).div(Math.SQRT2);', replace: 'return tf.norm(diff);' }],
    loses: ['subspaceDistance'],
  },
];

const TYPE_LINE = 'export type AEParams = { We: tf.Tensor2D; be: tf.Tensor1D; Wd: tf.Tensor2D; bd: tf.Tensor1D };';

/** An alternative that rewrites whole exports, with module-level helpers placed after the `AEParams` type. */
function rewrite(name: string, description: string, bodies: { [fn: string]: string }, helpers = ''): Variant {
  const edits: Variant['edits'] = Object.entries(bodies).map(([fn, body]) => ({ find: solutionBody(reference, fn), replace: body }));
  if (helpers) edits.unshift({ find: TYPE_LINE, replace: `${TYPE_LINE}\n${helpers}` });
  return { name, description, edits, loses: [] };
}

/** Every export in plain JavaScript over `arraySync()` values, in float64: tensors are built only at the end. */
const plainFloat64 = rewrite(
  'plain-js-float64',
  'every export by hand in float64 loops: covariance by sums, topEigenvectors by power iteration with deflation, pca by cyclic Jacobi rotations, the AE and its gradients by loops, subspaceDistance by modified Gram-Schmidt',
  {
    centerData: `  const { mean, centered } = centerRows(X.arraySync());
  return { mean: tf.tensor1d(mean), centered: tf.tensor2d(centered, X.shape) };
`,
    covariance: `  return tf.tensor2d(covRows(X.arraySync()));
`,
    topEigenvectors: `  const d = S.shape[0];
  const A = S.arraySync();
  const values: number[] = [];
  const columns: number[][] = [];
  for (let j = 0; j < m; j++) {
    let v = new Array<number>(d).fill(1 / Math.sqrt(d));
    for (let t = 0; t < iters; t++) {
      const w = matVec(A, v);
      const norm = Math.hypot(...w);
      v = w.map((x) => x / norm);
    }
    const lambda = dot(v, matVec(A, v));
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) A[a][b] -= lambda * v[a] * v[b];
    values.push(lambda);
    columns.push(signFix(v));
  }
  return { values: tf.tensor1d(values), vectors: tf.tensor2d(transpose(columns), [d, m]) };
`,
    pca: `  const x = X.arraySync();
  const d = X.shape[1];
  const { values, vectors } = jacobiEigen(covRows(x));
  return {
    mean: tf.tensor1d(centerRows(x).mean),
    components: tf.tensor2d(vectors.slice(0, m).map(signFix), [m, d]),
    explainedVariance: tf.tensor1d(values.slice(0, m)),
  };
`,
    linearAEForward: `  const q = readParams(p);
  const { code, recon } = forwardRows(X.arraySync(), q);
  return { code: tf.tensor2d(code, [X.shape[0], q.be.length]), recon: tf.tensor2d(recon, X.shape) };
`,
    linearAELossAndGrads: `  const { loss, grads } = lossAndGradRows(X.arraySync(), readParams(p));
  return { loss, grads: toTensors(grads) };
`,
    trainLinearAE: `  const x = X.arraySync();
  let p = readParams(p0);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const { loss, grads: g } = lossAndGradRows(x, p);
    losses.push(loss);
    p = {
      We: p.We.map((row, i) => row.map((v, j) => v - lr * g.We[i][j])),
      be: p.be.map((v, j) => v - lr * g.be[j]),
      Wd: p.Wd.map((row, i) => row.map((v, j) => v - lr * g.Wd[i][j])),
      bd: p.bd.map((v, j) => v - lr * g.bd[j]),
    };
  }
  return { params: toTensors(p), losses };
`,
    subspaceDistance: `  const qa = orthonormalColumns(A.arraySync());
  const qb = orthonormalColumns(B.arraySync());
  const d = A.shape[0];
  let sum = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let diff = 0;
      for (const q of qa) diff += q[i] * q[j];
      for (const q of qb) diff -= q[i] * q[j];
      sum += diff * diff;
    }
  }
  return Math.sqrt(sum / 2);
`,
  },
  `
type Mat = number[][];
type P64 = { We: Mat; be: number[]; Wd: Mat; bd: number[] };

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i], 0);
const matVec = (A: Mat, v: number[]): number[] => A.map((row) => dot(row, v));
const transpose = (a: Mat): Mat => a[0].map((_, j) => a.map((row) => row[j]));
const colSums = (a: Mat): number[] => a[0].map((_, j) => a.reduce((s, row) => s + row[j], 0));

function matmul(a: Mat, b: Mat): Mat {
  const cols = b[0].length;
  return a.map((row) => {
    const out = new Array<number>(cols).fill(0);
    for (let k = 0; k < b.length; k++) for (let j = 0; j < cols; j++) out[j] += row[k] * b[k][j];
    return out;
  });
}

function centerRows(x: Mat): { mean: number[]; centered: Mat } {
  const n = x.length;
  const mean = colSums(x).map((s) => s / n);
  return { mean, centered: x.map((row) => row.map((v, j) => v - mean[j])) };
}

function covRows(x: Mat): Mat {
  const n = x.length;
  const d = x[0].length;
  const { centered } = centerRows(x);
  const S: Mat = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += centered[i][a] * centered[i][b];
      S[a][b] = S[b][a] = s / (n - 1);
    }
  }
  return S;
}

/** Flips v so that its entry of largest magnitude is positive. */
function signFix(v: number[]): number[] {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[k])) k = i;
  return v[k] < 0 ? v.map((x) => -x) : v;
}

/** All eigenpairs of a symmetric matrix by cyclic Jacobi rotations, descending; vectors as rows. */
function jacobiEigen(S: Mat): { values: number[]; vectors: Mat } {
  const d = S.length;
  const A = S.map((r) => r.slice());
  const V: Mat = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += A[p][q] * A[p][q];
    if (off < 1e-30) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (const M of [A, V]) {
          for (let k = 0; k < d; k++) {
            const [mp, mq] = [M[k][p], M[k][q]];
            M[k][p] = c * mp - s * mq;
            M[k][q] = s * mp + c * mq;
          }
        }
        for (let k = 0; k < d; k++) {
          const [ap, aq] = [A[p][k], A[q][k]];
          A[p][k] = c * ap - s * aq;
          A[q][k] = s * ap + c * aq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => A[b][b] - A[a][a]);
  return { values: order.map((i) => A[i][i]), vectors: order.map((i) => V.map((row) => row[i])) };
}

function readParams(p: AEParams): P64 {
  return { We: p.We.arraySync(), be: p.be.arraySync(), Wd: p.Wd.arraySync(), bd: p.bd.arraySync() };
}

function toTensors(p: P64): AEParams {
  return { We: tf.tensor2d(p.We), be: tf.tensor1d(p.be), Wd: tf.tensor2d(p.Wd), bd: tf.tensor1d(p.bd) };
}

function forwardRows(x: Mat, p: P64): { code: Mat; recon: Mat } {
  const code = matmul(x, p.We).map((row) => row.map((v, j) => v + p.be[j]));
  const recon = matmul(code, p.Wd).map((row) => row.map((v, j) => v + p.bd[j]));
  return { code, recon };
}

function lossAndGradRows(x: Mat, p: P64): { loss: number; grads: P64 } {
  const n = x.length;
  const { code, recon } = forwardRows(x, p);
  let loss = 0;
  const dRecon = recon.map((row, i) =>
    row.map((r, j) => {
      const e = r - x[i][j];
      loss += e * e;
      return (2 / n) * e;
    }),
  );
  const dCode = matmul(dRecon, transpose(p.Wd));
  return { loss: loss / n, grads: { We: matmul(transpose(x), dCode), be: colSums(dCode), Wd: matmul(transpose(code), dRecon), bd: colSums(dRecon) } };
}

/** Orthonormal basis of the column space of a (modified Gram-Schmidt), one basis vector per row. */
function orthonormalColumns(a: Mat): Mat {
  const basis: Mat = [];
  for (const col of transpose(a)) {
    const v = col.slice();
    for (const q of basis) {
      const c = dot(q, v);
      for (let i = 0; i < v.length; i++) v[i] -= c * q[i];
    }
    const norm = Math.hypot(...v);
    basis.push(v.map((x) => x / norm));
  }
  return basis;
}
`,
);

/** trainLinearAE with tf.Variables and the SGD optimizer (autodiff is banned only in linearAELossAndGrads). */
const variablesSgd = rewrite(
  'variables-sgd-optimizer',
  'trainLinearAE with tf.Variable weights trained by tf.train.sgd(lr).minimize, the loss returned by minimize (before each step)',
  {
    trainLinearAE: `  const n = X.shape[0];
  const vars = { We: tf.variable(p0.We), be: tf.variable(p0.be), Wd: tf.variable(p0.Wd), bd: tf.variable(p0.bd) };
  const optimizer = tf.train.sgd(lr);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const cost = optimizer.minimize(
      () => {
        const recon = tf.add(tf.matMul(tf.add(tf.matMul(X, vars.We), vars.be), vars.Wd), vars.bd);
        return tf.div(tf.sum(tf.squaredDifference(recon, X)), n) as tf.Scalar;
      },
      true,
      [vars.We, vars.be, vars.Wd, vars.bd],
    ) as tf.Scalar;
    losses.push(cost.dataSync()[0]);
    cost.dispose();
  }
  optimizer.dispose();
  const params = { We: vars.We.clone(), be: vars.be.clone(), Wd: vars.Wd.clone(), bd: vars.bd.clone() } as AEParams;
  tf.dispose([vars.We, vars.be, vars.Wd, vars.bd]);
  return { params, losses };
`,
  },
);

/** Other valid readings, in tf ops: Gram-Schmidt, norms as eigenvalues, a Gram matrix when d > n, autodiff steps. */
const otherReadings = rewrite(
  'gram-schmidt-and-other-readings',
  'centring by tf.moments and a ones outer product; covariance with a transpose flag and 1/(n-1) as a product; ' +
    'orthogonal iteration by classical Gram-Schmidt from eye + 0.1, eigenvalues as ||S q|| sorted after, the sign rule in JS; ' +
    'pca through the n x n Gram matrix when d > n (200 iterations); gradients in another order (X^T G first, bias sums as ones products); ' +
    'trainLinearAE by hand-written steps p + (-lr) g on tf.valueAndGrads; subspaceDistance as sqrt(m - ||QA^T QB||^2) with Gram-Schmidt bases',
  {
    centerData: `  return tf.tidy(() => {
    const { mean } = tf.moments(X, 0);
    const centered = tf.sub(X, tf.matMul(tf.ones([X.shape[0], 1]), tf.reshape(mean, [1, -1]))) as tf.Tensor2D;
    return { mean: mean as tf.Tensor1D, centered };
  });
`,
    covariance: `  return tf.tidy(() => {
    const Xc = tf.sub(X, tf.mean(X, 0, true));
    return tf.mul(tf.matMul(Xc, Xc, true, false), 1 / (X.shape[0] - 1)) as tf.Tensor2D;
  });
`,
    topEigenvectors: `  const d = S.shape[0];
  let Q = tf.tidy(() => tf.add(tf.eye(d, m), 0.1) as tf.Tensor2D);
  for (let t = 0; t < iters; t++) {
    const next = tf.tidy(() => gramSchmidt(tf.matMul(S, Q)));
    Q.dispose();
    Q = next;
  }
  const norms = tf.tidy(() => tf.norm(tf.matMul(S, Q), 'euclidean', 0));
  const lam = Array.from(norms.dataSync());
  const q = Q.arraySync();
  tf.dispose([norms, Q]);
  const order = lam.map((_, j) => j).sort((a, b) => lam[b] - lam[a]);
  const vectors = q.map(() => new Array<number>(m).fill(0));
  order.forEach((j, k) => {
    let big = 0;
    for (let i = 0; i < d; i++) if (Math.abs(q[i][j]) > Math.abs(q[big][j])) big = i;
    const sign = q[big][j] < 0 ? -1 : 1;
    for (let i = 0; i < d; i++) vectors[i][k] = sign * q[i][j];
  });
  return { values: tf.tensor1d(order.map((j) => lam[j])), vectors: tf.tensor2d(vectors, [d, m]) };
`,
    pca: `  const [n, d] = X.shape;
  const mean = tf.mean(X, 0) as tf.Tensor1D;
  if (d <= n) {
    const S = covariance(X);
    const { values, vectors } = topEigenvectors(S, m, 200);
    const components = tf.transpose(vectors) as tf.Tensor2D;
    tf.dispose([S, vectors]);
    return { mean, components, explainedVariance: values };
  }
  // d > n: the n x n Gram matrix Xc Xc^T / (n-1) has the same nonzero eigenvalues; the axes are Xc^T u, normalised.
  const Xc = tf.sub(X, mean);
  const G = tf.tidy(() => tf.div(tf.matMul(Xc, Xc, false, true), n - 1) as tf.Tensor2D);
  const { values, vectors: U } = topEigenvectors(G, m, 200);
  const rows = tf.tidy(() => {
    const W = tf.matMul(Xc, U, true, false);
    return tf.transpose(tf.div(W, tf.norm(W, 'euclidean', 0))) as tf.Tensor2D;
  });
  const signed = rows.arraySync().map((r) => {
    const big = r.reduce((b, x, i) => (Math.abs(x) > Math.abs(r[b]) ? i : b), 0);
    return r[big] < 0 ? r.map((x) => -x) : r;
  });
  tf.dispose([Xc, G, U, rows]);
  return { mean, components: tf.tensor2d(signed, [m, d]), explainedVariance: values };
`,
    linearAEForward: `  const code = tf.tidy(() => tf.matMul(X, p.We).add(tf.reshape(p.be, [1, -1])) as tf.Tensor2D);
  const recon = tf.tidy(() => tf.dot(code, p.Wd).add(p.bd) as tf.Tensor2D);
  return { code, recon };
`,
    linearAELossAndGrads: `  const n = X.shape[0];
  const lossT = tf.tidy(() => tf.mean(tf.sum(tf.squaredDifference(linearAEForward(X, p).recon, X), 1)));
  const loss = lossT.arraySync() as number;
  lossT.dispose();
  const grads = tf.tidy(() => {
    const { code, recon } = linearAEForward(X, p);
    const G = tf.mul(tf.sub(recon, X), 2).div(n) as tf.Tensor2D; // dL/drecon
    const ones = tf.ones([1, n]);
    return {
      We: tf.matMul(tf.matMul(X, G, true, false), p.Wd, false, true) as tf.Tensor2D, // (X^T G) Wd^T
      be: tf.reshape(tf.matMul(ones, tf.matMul(G, p.Wd, false, true)), [-1]) as tf.Tensor1D,
      Wd: tf.matMul(code, G, true, false) as tf.Tensor2D,
      bd: tf.reshape(tf.matMul(ones, G), [-1]) as tf.Tensor1D,
    };
  });
  return { loss, grads };
`,
    trainLinearAE: `  const n = X.shape[0];
  const f = (We: tf.Tensor, be: tf.Tensor, Wd: tf.Tensor, bd: tf.Tensor) =>
    tf.sum(tf.square(tf.sub(tf.add(tf.matMul(tf.add(tf.matMul(X, We), be), Wd), bd), X))).div(n) as tf.Scalar;
  const valueAndGrads = tf.valueAndGrads(f);
  let ps: tf.Tensor[] = [p0.We.clone(), p0.be.clone(), p0.Wd.clone(), p0.bd.clone()];
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const { value, grads } = valueAndGrads(ps);
    losses.push(value.dataSync()[0]);
    const next = tf.tidy(() => ps.map((t, i) => tf.add(t, tf.mul(grads[i], -lr))));
    tf.dispose([value, ...grads, ...ps]);
    ps = next;
  }
  const [We, be, Wd, bd] = ps;
  return { params: { We, be, Wd, bd } as AEParams, losses };
`,
    subspaceDistance: `  const value = tf.tidy(() => {
    const overlap = tf.sum(tf.square(tf.matMul(gramSchmidt(A), gramSchmidt(B), true, false)));
    return tf.sqrt(tf.maximum(tf.sub(A.shape[1], overlap), 0));
  });
  const out = value.dataSync()[0];
  value.dispose();
  return out;
`,
  },
  `
/** Orthonormal columns spanning those of A, by classical Gram-Schmidt in tf ops. */
function gramSchmidt(A: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const cols: tf.Tensor2D[] = [];
    for (let j = 0; j < A.shape[1]; j++) {
      let v = tf.slice(A, [0, j], [-1, 1]) as tf.Tensor2D;
      for (const q of cols) v = tf.sub(v, tf.mul(q, tf.sum(tf.mul(q, v))));
      cols.push(tf.div(v, tf.norm(v)) as tf.Tensor2D);
    }
    return tf.concat(cols, 1) as tf.Tensor2D;
  });
}
`,
);

/** Power iteration with deflation that reads `iters` as the total budget, split over the m vectors, each started from e_j. */
const deflationTotalBudget = rewrite(
  'deflation-iters-in-total',
  'topEigenvectors by power iteration with deflation reading iters as the total number of steps (iters/m per vector, each from e_j); pca asks for 400 steps',
  {
    topEigenvectors: `  const d = S.shape[0];
  const per = Math.floor(iters / m);
  const Q = tf.tidy(() => {
    let A: tf.Tensor2D = S;
    const columns: tf.Tensor2D[] = [];
    for (let j = 0; j < m; j++) {
      let v = tf.reshape(tf.oneHot([j], d), [d, 1]).toFloat() as tf.Tensor2D;
      for (let t = 0; t < per; t++) {
        const w = tf.matMul(A, v);
        v = tf.div(w, tf.norm(w)) as tf.Tensor2D;
      }
      const lambda = tf.sum(tf.mul(v, tf.matMul(A, v)));
      A = tf.sub(A, tf.mul(tf.matMul(v, v, false, true), lambda)) as tf.Tensor2D;
      columns.push(v);
    }
    return tf.concat(columns, 1) as tf.Tensor2D;
  });
  const values = tf.tidy(() => tf.sum(tf.mul(Q, tf.matMul(S, Q)), 0) as tf.Tensor1D);
  const q = Q.arraySync();
  Q.dispose();
  for (let j = 0; j < m; j++) {
    let big = 0;
    for (let i = 0; i < d; i++) if (Math.abs(q[i][j]) > Math.abs(q[big][j])) big = i;
    if (q[big][j] < 0) for (let i = 0; i < d; i++) q[i][j] = -q[i][j];
  }
  return { values, vectors: tf.tensor2d(q, [d, m]) };
`,
    pca: `  const S = covariance(X);
  const { values, vectors } = topEigenvectors(S, m, 400);
  const mean = tf.mean(X, 0) as tf.Tensor1D;
  const components = tf.transpose(vectors) as tf.Tensor2D;
  tf.dispose([S, vectors]);
  return { mean, components, explainedVariance: values };
`,
  },
);

/** Correct implementations written differently from the reference: they must get 100. */
export const alternatives: Variant[] = [
  {
    name: 'power-iteration-deflation',
    description: 'topEigenvectors by power iteration with deflation, from the all-ones vector',
    edits: [
      {
        find: `  let Q = tf.eye(d, m) as tf.Tensor2D;
  for (let t = 0; t < iters; t++) {
    const next = tf.tidy(() => tf.linalg.qr(tf.matMul(S, Q))[0] as tf.Tensor2D);
    Q.dispose();
    Q = next;
  }`,
        replace: `  const Q = tf.tidy(() => {
    let A: tf.Tensor2D = S;
    const columns: tf.Tensor2D[] = [];
    for (let j = 0; j < m; j++) {
      let v = tf.ones([d, 1]).div(Math.sqrt(d)) as tf.Tensor2D;
      for (let t = 0; t < iters; t++) {
        const w = tf.matMul(A, v);
        v = w.div(tf.norm(w)) as tf.Tensor2D;
      }
      const lambda = tf.sum(tf.mul(v, tf.matMul(A, v)));
      A = tf.sub(A, tf.mul(tf.matMul(v, tf.transpose(v)), lambda)) as tf.Tensor2D;
      columns.push(v);
    }
    return tf.concat(columns, 1) as tf.Tensor2D;
  });`,
      },
    ],
    loses: [],
  },
  {
    name: 'loop-covariance',
    description: 'covariance as a loop of outer products of centred rows',
    edits: [
      {
        find: `    const { mean, centered } = centerData(X);
    mean.dispose();
    return tf.matMul(tf.transpose(centered), centered).div(n - 1) as tf.Tensor2D;`,
        replace: `    const d = X.shape[1];
    const mean = tf.mean(X, 0);
    let S: tf.Tensor = tf.zeros([d, d]);
    for (let i = 0; i < n; i++) {
      const row = tf.sub(tf.slice(X, [i, 0], [1, d]), mean);
      S = tf.add(S, tf.matMul(tf.transpose(row), row));
    }
    return tf.div(S, n - 1) as tf.Tensor2D;`,
      },
    ],
    loses: [],
  },
  {
    name: 'subspace-cosine-form',
    description: 'subspaceDistance as sqrt(m - ||QA^T QB||_F^2)',
    edits: [
      {
        find: `    const diff = tf.sub(tf.matMul(QA, tf.transpose(QA)), tf.matMul(QB, tf.transpose(QB)));
    return tf.norm(diff).div(Math.SQRT2);`,
        replace: `    const overlap = tf.sum(tf.square(tf.matMul(tf.transpose(QA), QB)));
    return tf.sqrt(tf.relu(tf.sub(A.shape[1], overlap)));`,
      },
    ],
    loses: [],
  },
  plainFloat64,
  variablesSgd,
  otherReadings,
  deflationTotalBudget,
];
