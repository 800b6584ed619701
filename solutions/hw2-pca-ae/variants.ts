import type { Variant } from '../../grader/staff/api.ts';

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
];

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
];
