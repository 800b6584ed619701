import type { Variant } from '../../grader/staff/api.ts';

/** Realistic hw3 bugs, each an edit of the reference, with the parts it must cost. */
export const bugs: Variant[] = [
  {
    name: 'negative-phase-from-data',
    description: 'the negative statistics use the data v0 instead of the chain sample vk',
    edits: [
      { find: 'tf.matMul(tf.transpose(vk), phk)', replace: 'tf.matMul(tf.transpose(v0), phk)' },
      { find: 'tf.sub(v0, vk)', replace: 'tf.sub(v0, v0)' },
    ],
    loses: ['cdGradients', 'trainRBM'],
  },
  {
    name: 'update-sign-flipped',
    description: 'trainRBM descends (p <- p - lr * grad) instead of ascending',
    edits: [
      { find: 'W: tf.add(p.W, tf.mul(g.dW, lr))', replace: 'W: tf.sub(p.W, tf.mul(g.dW, lr))' },
      { find: 'b: tf.add(p.b, tf.mul(g.db, lr))', replace: 'b: tf.sub(p.b, tf.mul(g.db, lr))' },
      { find: 'c: tf.add(p.c, tf.mul(g.dc, lr))', replace: 'c: tf.sub(p.c, tf.mul(g.dc, lr))' },
    ],
    loses: ['trainRBM'],
  },
  {
    name: 'mean-field-chain',
    description: 'the Gibbs chain carries probabilities instead of Bernoulli samples',
    edits: [
      { find: 'let h = sampleBernoulli(ph0, uHs[0]) as tf.Tensor2D;', replace: 'let h = ph0;' },
      { find: 'vk = sampleBernoulli(visibleProbs(h, W, b), uVs[t - 1]) as tf.Tensor2D;', replace: 'vk = visibleProbs(h, W, b);' },
      { find: 'if (t < k) h = sampleBernoulli(phk, uHs[t]) as tf.Tensor2D;', replace: 'if (t < k) h = phk;' },
    ],
    loses: ['cdGradients', 'trainRBM'],
  },
  {
    name: 'hidden-bias-in-visible-probs',
    description: 'the chain computes p(v|h) with the hidden bias c instead of the visible bias b',
    edits: [{ find: 'sampleBernoulli(visibleProbs(h, W, b), uVs[t - 1])', replace: 'sampleBernoulli(visibleProbs(h, W, c), uVs[t - 1])' }],
    loses: ['cdGradients', 'trainRBM'],
  },
  {
    name: 'free-energy-missing-visible-term',
    description: 'freeEnergy drops the -v.b term',
    edits: [{ find: 'return tf.neg(tf.add(visibleTerm, hiddenTerm)) as tf.Tensor1D;', replace: 'return tf.neg(hiddenTerm) as tf.Tensor1D;' }],
    loses: ['freeEnergy', 'logPartition', 'averageLogLikelihood'],
  },
  {
    name: 'softplus-overflow',
    description: 'softplus written as log(1 + exp(x)), which overflows to Infinity for x > 88',
    edits: [{ find: 'tf.softplus(tf.add(tf.matMul(v, W), c))', replace: 'tf.log(tf.add(1, tf.exp(tf.add(tf.matMul(v, W), c))))' }],
    loses: ['freeEnergy', 'logPartition', 'averageLogLikelihood'],
  },
  {
    name: 'log-partition-missing-state',
    description: 'logPartition enumerates 2^H - 1 hidden states (the all-ones state is missing)',
    edits: [{ find: '{ length: 2 ** H }', replace: '{ length: 2 ** H - 1 }' }],
    loses: ['logPartition', 'averageLogLikelihood'],
  },
  {
    name: 'statistics-summed',
    description: 'the CD statistics are summed over the batch instead of averaged',
    edits: [
      { find: 'tf.div(tf.sub(positive, negative), n)', replace: 'tf.sub(positive, negative)' },
      { find: 'tf.mean(tf.sub(v0, vk), 0)', replace: 'tf.sum(tf.sub(v0, vk), 0)' },
      { find: 'tf.mean(tf.sub(ph0, phk), 0)', replace: 'tf.sum(tf.sub(ph0, phk), 0)' },
    ],
    loses: ['cdGradients', 'trainRBM'],
  },
  {
    name: 'log-partition-naive-sum',
    description: 'logPartition sums exp(-F(h)) directly instead of using log-sum-exp, which overflows for large weights',
    edits: [{ find: 'tf.logSumExp(tf.neg(freeEnergy(states, tf.transpose(W), c, b)))', replace: 'tf.log(tf.sum(tf.exp(tf.neg(freeEnergy(states, tf.transpose(W), c, b)))))' }],
    loses: ['logPartition', 'averageLogLikelihood'],
  },
  {
    name: 'average-summed',
    description: 'averageLogLikelihood sums -F(v) over the rows instead of averaging',
    edits: [{ find: 'tf.mean(tf.neg(freeEnergy(v, W, b, c)))', replace: 'tf.sum(tf.neg(freeEnergy(v, W, b, c)))' }],
    loses: ['averageLogLikelihood'],
  },
  {
    name: 'bernoulli-less-or-equal',
    description: 'samples 1 where u <= p, so p = 0 can still give a 1 (when u = 0)',
    edits: [{ find: 'tf.less(u, p)', replace: 'tf.lessEqual(u, p)' }],
    loses: ['sampleBernoulli'],
  },
];
/** Correct implementations written differently from the reference: they must get 100. */
export const alternatives: Variant[] = [
  {
    name: 'softplus-max-log1p',
    description: 'softplus written as max(x, 0) + log1p(exp(-|x|))',
    edits: [{ find: 'tf.softplus(tf.add(tf.matMul(v, W), c))', replace: '((x: tf.Tensor) => tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x))))))(tf.add(tf.matMul(v, W), c))' }],
    loses: [],
  },
  {
    name: 'log-partition-over-visible-states',
    description: 'logPartition enumerates the 2^D visible states (D <= 16) instead of the hidden ones',
    edits: [
      { find: 'const H = W.shape[1];\n  const logZ', replace: 'const D = W.shape[0];\n  const logZ' },
      { find: 'const rows = Array.from({ length: 2 ** H }, (_, s) => Array.from({ length: H }, (_, j) => (s >> j) & 1));', replace: 'const rows = Array.from({ length: 2 ** D }, (_, s) => Array.from({ length: D }, (_, i) => (s >> i) & 1));' },
      { find: 'const states = tf.tensor2d(rows, [rows.length, H]);', replace: 'const states = tf.tensor2d(rows, [rows.length, D]);' },
      { find: 'return tf.logSumExp(tf.neg(freeEnergy(states, tf.transpose(W), c, b)));', replace: 'return tf.logSumExp(tf.neg(freeEnergy(states, W, b, c)));' },
    ],
    loses: [],
  },
  {
    name: 'statistics-by-looping-over-the-batch',
    description: 'cdGradients accumulates the statistics one example at a time',
    edits: [
      {
        find: '    const positive = tf.matMul(tf.transpose(v0), ph0);\n    const negative = tf.matMul(tf.transpose(vk), phk);\n    const dW = tf.div(tf.sub(positive, negative), n) as tf.Tensor2D;\n    const db = tf.mean(tf.sub(v0, vk), 0) as tf.Tensor1D;\n    const dc = tf.mean(tf.sub(ph0, phk), 0) as tf.Tensor1D;',
        replace: [
          '    let dW: tf.Tensor2D = tf.zeros([W.shape[0], W.shape[1]]);',
          '    let db: tf.Tensor1D = tf.zeros([W.shape[0]]);',
          '    let dc: tf.Tensor1D = tf.zeros([W.shape[1]]);',
          '    for (let i = 0; i < n; i++) {',
          '      const row = (x: tf.Tensor2D) => tf.squeeze(tf.slice(x, [i, 0], [1, -1]), [0]) as tf.Tensor1D;',
          '      const [a, pa, z, pz] = [row(v0), row(ph0), row(vk), row(phk)];',
          '      dW = tf.add(dW, tf.sub(tf.outerProduct(a, pa), tf.outerProduct(z, pz)).div(n));',
          '      db = tf.add(db, tf.sub(a, z).div(n));',
          '      dc = tf.add(dc, tf.sub(pa, pz).div(n));',
          '    }',
        ].join('\n'),
      },
    ],
    loses: [],
  },
  {
    name: 'train-in-order-other-draws',
    description: 'trainRBM takes batches in data order (no shuffle) and draws uV before uH',
    edits: [
      { find: 'const order = tf.tidy(() => tf.topk(rng.uniform([n]), n).indices);', replace: 'const order = tf.range(0, n, 1, \'int32\');' },
      {
        find: 'const g = cdGradients(v0, p.W, p.b, p.c, k, rng.uniform([k, size, H]) as tf.Tensor3D, rng.uniform([k, size, D]) as tf.Tensor3D);',
        replace: 'const uV = rng.uniform([k, size, D]) as tf.Tensor3D;\n        const g = cdGradients(v0, p.W, p.b, p.c, k, rng.uniform([k, size, H]) as tf.Tensor3D, uV);',
      },
    ],
    loses: [],
  },
];
