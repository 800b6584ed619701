import type { Variant } from '../../grader/staff/api.ts';

const REPARAMETERIZE = 'tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps))';
const KL = 'tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mu)), tf.add(1, logVar)), 1))';
const BERNOULLI = 'tf.sum(tf.sub(tf.mul(x, logits), tf.softplus(logits)), 1)';
const GAUSSIAN_BODY = [
  '  return tf.tidy(() => {',
  '    const scaled = tf.div(tf.square(tf.sub(x, mean)), tf.exp(logVar));',
  '    return tf.mul(-0.5, tf.sum(tf.add(tf.add(logVar, Math.log(2 * Math.PI)), scaled), 1)) as tf.Tensor1D;',
  '  });',
].join('\n');
const GAUSSIAN_LOOP = [
  '  const [n, d] = x.shape;',
  '  const [a, c, l] = [x.dataSync(), mean.dataSync(), logVar.dataSync()];',
  '  const out = new Float32Array(n);',
  '  for (let i = 0; i < n; i++) {',
  '    let s = 0;',
  '    for (let j = i * d; j < (i + 1) * d; j++) s += Math.log(2 * Math.PI) + l[j] + (a[j] - c[j]) ** 2 / Math.exp(l[j]);',
  '    out[i] = -0.5 * s;',
  '  }',
  '  return tf.tensor1d(out);',
].join('\n');
const IWAE_RESULT = 'tf.sub(tf.logSumExp(tf.stack(logWeights), 0), Math.log(eps.shape[0]))';

/** Realistic hw5 bugs, each an edit of the reference, with the parts it must cost. */
export const bugs: Variant[] = [
  {
    name: 'reparameterize-scaled-by-log-variance',
    description: 'z = mu + eps * logVar',
    edits: [{ find: REPARAMETERIZE, replace: 'tf.add(mu, tf.mul(logVar, eps))' }],
    loses: ['reparameterize', 'elbo', 'iwaeBound', 'trainVAE'],
  },
  {
    name: 'reparameterize-scaled-by-variance',
    description: 'z = mu + exp(logVar) * eps: the variance where the standard deviation belongs',
    edits: [{ find: REPARAMETERIZE, replace: 'tf.add(mu, tf.mul(tf.exp(logVar), eps))' }],
    // Training still finds a usable encoder (-5.5 to -4.7 against the reference's -5.2 to -3.6): only the exact parts lose.
    loses: ['reparameterize', 'elbo', 'iwaeBound'],
  },
  {
    name: 'kl-sign-flipped',
    description: 'gaussianKL returns -KL',
    edits: [{ find: KL, replace: KL.replace('tf.mul(0.5,', 'tf.mul(-0.5,') }],
    loses: ['gaussianKL', 'elbo', 'trainVAE'],
  },
  {
    name: 'kl-missing-minus-one',
    description: 'gaussianKL drops the -1 inside the sum (0.5 m too large: a constant, so training is unaffected)',
    edits: [{ find: KL, replace: KL.replace('tf.add(1, logVar)', 'logVar') }],
    loses: ['gaussianKL', 'elbo'],
  },
  {
    name: 'kl-averaged-over-latent-dimensions',
    description: 'gaussianKL takes the mean over the m latent dimensions instead of the sum',
    edits: [{ find: KL, replace: KL.replace('tf.sum(', 'tf.mean(') }],
    // A VAE trained with half the KL still reaches the reference's ELBO (manifest: elboReached's why).
    loses: ['gaussianKL', 'elbo'],
  },
  {
    name: 'bernoulli-naive-log-sigmoid',
    description: 'log(sigmoid(l)) and log(1 - sigmoid(l)): -Infinity and NaN once |l| > ~17',
    edits: [
      {
        find: BERNOULLI,
        replace: 'tf.sum(tf.add(tf.mul(x, tf.log(tf.sigmoid(logits))), tf.mul(tf.sub(1, x), tf.log(tf.sub(1, tf.sigmoid(logits))))), 1)',
      },
    ],
    // Training meets logits beyond +-17 on some draws (public prototypes-b, the hidden case) and diverges to NaN.
    loses: ['bernoulliLogLikelihood', 'elbo', 'iwaeBound', 'trainVAE'],
  },
  {
    name: 'log-sigmoid-in-training',
    description: 'bernoulliLogLikelihood with tf.logSigmoid, also used inside trainVAE\'s loss: its gradient crashes in tfjs 4.22',
    edits: [{ find: BERNOULLI, replace: 'tf.sum(tf.add(tf.mul(x, tf.logSigmoid(logits)), tf.mul(tf.sub(1, x), tf.logSigmoid(tf.neg(logits)))), 1)' }],
    loses: ['trainVAE'],
  },
  {
    name: 'gaussian-likelihood-standard-deviation',
    description: 'gaussianLogLikelihood divides (x - mean)^2 by exp(0.5 logVar) instead of the variance',
    edits: [{ find: 'tf.div(tf.square(tf.sub(x, mean)), tf.exp(logVar))', replace: 'tf.div(tf.square(tf.sub(x, mean)), tf.exp(tf.mul(0.5, logVar)))' }],
    loses: ['gaussianLogLikelihood', 'iwaeBound'],
  },
  {
    name: 'elbo-adds-kl',
    description: 'elbo = recon + kl',
    edits: [{ find: 'elbo: tf.sub(recon, kl) as tf.Tensor1D', replace: 'elbo: tf.add(recon, kl) as tf.Tensor1D' }],
    loses: ['elbo', 'trainVAE'],
  },
  {
    name: 'iwae-mean-of-log-weights',
    description: 'iwaeBound averages the log weights (the K-sample ELBO) instead of taking the log of their mean',
    edits: [{ find: IWAE_RESULT, replace: 'tf.mean(tf.stack(logWeights), 0)' }],
    loses: ['iwaeBound'],
  },
  {
    name: 'iwae-without-log-k',
    description: 'iwaeBound forgets to subtract log K after the log-sum-exp',
    edits: [{ find: IWAE_RESULT, replace: 'tf.logSumExp(tf.stack(logWeights), 0)' }],
    loses: ['iwaeBound'],
  },
  {
    name: 'iwae-analytic-kl',
    description: 'each log weight is log p(x|z_k) minus the analytic KL instead of log p(z_k) - log q(z_k|x)',
    edits: [{ find: 'return tf.add(bernoulliLogLikelihood(x, decoder(z)), tf.sub(logPz, logQz));', replace: 'return tf.sub(bernoulliLogLikelihood(x, decoder(z)), gaussianKL(mu, logVar));' }],
    loses: ['iwaeBound'],
  },
  {
    name: 'iwae-inconsistent-constants',
    description: 'log p(z) drops the -0.5 log(2 pi) per dimension that log q(z|x) keeps',
    edits: [{ find: 'const logPz = gaussianLogLikelihood(z, tf.zerosLike(z), tf.zerosLike(z));', replace: 'const logPz = tf.mul(-0.5, tf.sum(tf.square(z), 1));' }],
    loses: ['iwaeBound'],
  },
  {
    name: 'kl-through-data-sync-in-training',
    description: 'gaussianKL by a float64 loop over dataSync (right values, no gradient), used inside trainVAE\'s loss: the KL is never trained',
    edits: [
      {
        find: `return tf.tidy(() => ${KL} as tf.Tensor1D);`,
        replace: [
          'const [n, m] = mu.shape;',
          '  const [a, l] = [mu.dataSync(), logVar.dataSync()];',
          '  const out = new Float32Array(n);',
          '  for (let i = 0; i < n; i++) {',
          '    let s = 0;',
          '    for (let j = i * m; j < (i + 1) * m; j++) s += Math.exp(l[j]) + a[j] * a[j] - 1 - l[j];',
          '    out[i] = 0.5 * s;',
          '  }',
          '  return tf.tensor1d(out);',
        ].join('\n'),
      },
    ],
    loses: ['trainVAE'],
  },
  {
    name: 'train-ascends-the-loss',
    description: 'trainVAE minimises mean(elbo) instead of -mean(elbo)',
    edits: [{ find: 'tf.neg(tf.mean(elbo(batch, encoder, decoder, eps).elbo)) as tf.Scalar', replace: 'tf.mean(elbo(batch, encoder, decoder, eps).elbo) as tf.Scalar' }],
    loses: ['trainVAE'],
  },
];

const TRAIN_LOSS = 'optimizer.minimize(() => tf.neg(tf.mean(elbo(batch, encoder, decoder, eps).elbo)) as tf.Scalar, false, variables);';

/** Correct implementations written differently from the reference: they must get 100. */
export const alternatives: Variant[] = [
  {
    name: 'bernoulli-softplus-pair',
    description: 'the likelihood as -(softplus(-l) x + softplus(l) (1 - x))',
    edits: [{ find: BERNOULLI, replace: 'tf.neg(tf.sum(tf.add(tf.mul(tf.softplus(tf.neg(logits)), x), tf.mul(tf.softplus(logits), tf.sub(1, x))), 1))' }],
    loses: [],
  },
  {
    name: 'log-sigmoid-on-inputs',
    description: 'bernoulliLogLikelihood with tf.logSigmoid on its inputs; trainVAE\'s loss writes its likelihood with softplus, so no logSigmoid is differentiated',
    edits: [
      { find: BERNOULLI, replace: 'tf.sum(tf.add(tf.mul(x, tf.logSigmoid(logits)), tf.mul(tf.sub(1, x), tf.logSigmoid(tf.neg(logits)))), 1)' },
      {
        find: TRAIN_LOSS,
        replace: [
          'optimizer.minimize(() => {',
          '        const { mu, logVar } = encoder(batch);',
          '        const logits = decoder(reparameterize(mu, logVar, eps));',
          '        const recon = tf.sum(tf.sub(tf.mul(batch, logits), tf.softplus(logits)), 1);',
          '        return tf.neg(tf.mean(tf.sub(recon, gaussianKL(mu, logVar)))) as tf.Scalar;',
          '      }, false, variables);',
        ].join('\n'),
      },
    ],
    loses: [],
  },
  {
    name: 'log-sum-exp-by-hand',
    description: 'iwaeBound subtracts the max over K by hand: M + log(mean(exp(log w - M)))',
    edits: [
      {
        find: `return ${IWAE_RESULT} as tf.Tensor1D;`,
        replace: 'const stacked = tf.stack(logWeights);\n    const top = tf.max(stacked, 0);\n    return tf.add(top, tf.log(tf.mean(tf.exp(tf.sub(stacked, top)), 0))) as tf.Tensor1D;',
      },
    ],
    loses: [],
  },
  {
    name: 'iwae-one-decoder-call',
    description: 'iwaeBound decodes all K*n draws at once and writes log q(z|x) from eps',
    edits: [
      {
        find: [
          '    const logWeights = tf.unstack(eps).map((e) => {',
          '      const z = reparameterize(mu, logVar, e as tf.Tensor2D);',
          '      const logPz = gaussianLogLikelihood(z, tf.zerosLike(z), tf.zerosLike(z));',
          '      const logQz = gaussianLogLikelihood(z, mu, logVar);',
          '      return tf.add(bernoulliLogLikelihood(x, decoder(z)), tf.sub(logPz, logQz));',
          '    });',
          `    return ${IWAE_RESULT} as tf.Tensor1D;`,
        ].join('\n'),
        replace: [
          '    const [K, n, m] = eps.shape;',
          '    const z = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps));',
          '    const recon = tf.reshape(bernoulliLogLikelihood(tf.tile(x, [K, 1]), decoder(tf.reshape(z, [K * n, m]))), [K, n]);',
          '    const logPz = tf.mul(-0.5, tf.sum(tf.square(z), 2));',
          '    const logQz = tf.mul(-0.5, tf.sum(tf.add(tf.square(eps), logVar), 2));',
          '    return tf.sub(tf.logSumExp(tf.add(recon, tf.sub(logPz, logQz)), 0), Math.log(K)) as tf.Tensor1D;',
        ].join('\n'),
      },
    ],
    loses: [],
  },
  {
    name: 'adam-by-hand',
    description: 'trainVAE with Adam written by hand (tf.variableGrads, moments with bias correction, Variable.assign)',
    edits: [
      {
        find: [
          '  const optimizer = tf.train.adam(lr);',
          '  for (let step = 0; step < steps; step++) {',
          '    tf.tidy(() => {',
          "      const rows = tf.cast(tf.floor(tf.mul(rng.uniform([batchSize]), n)), 'int32');",
          '      const batch = tf.gather(data, rows) as tf.Tensor2D;',
          '      const eps = rng.normal([batchSize, m]) as tf.Tensor2D;',
          `      ${TRAIN_LOSS}`,
          '    });',
          '  }',
          '  optimizer.dispose();',
        ].join('\n'),
        replace: [
          '  const moments = variables.map((v) => ({ m: tf.zerosLike(v), v: tf.zerosLike(v) }));',
          '  for (let step = 1; step <= steps; step++) {',
          '    tf.tidy(() => {',
          "      const rows = tf.cast(tf.floor(tf.mul(rng.uniform([batchSize]), n)), 'int32');",
          '      const batch = tf.gather(data, rows) as tf.Tensor2D;',
          '      const eps = rng.normal([batchSize, m]) as tf.Tensor2D;',
          '      const { grads } = tf.variableGrads(() => tf.neg(tf.mean(elbo(batch, encoder, decoder, eps).elbo)) as tf.Scalar, variables);',
          '      variables.forEach((v, i) => {',
          '        const g = grads[v.name];',
          '        const first = tf.add(tf.mul(0.9, moments[i].m), tf.mul(0.1, g));',
          '        const second = tf.add(tf.mul(0.999, moments[i].v), tf.mul(0.001, tf.square(g)));',
          '        tf.dispose([moments[i].m, moments[i].v]);',
          '        moments[i] = { m: tf.keep(first), v: tf.keep(second) };',
          '        const mHat = tf.div(first, 1 - 0.9 ** step);',
          '        const vHat = tf.div(second, 1 - 0.999 ** step);',
          '        v.assign(tf.sub(v, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), 1e-8)))));',
          '      });',
          '    });',
          '  }',
          '  tf.dispose(moments.flatMap((s) => [s.m, s.v]));',
        ].join('\n'),
      },
    ],
    loses: [],
  },
  {
    name: 'float64-loops-and-other-algebra',
    description: 'gaussianLogLikelihood by a float64 loop over dataSync, reparameterize with sqrt(exp(logVar)), the KL as a difference of two sums',
    edits: [
      { find: GAUSSIAN_BODY, replace: GAUSSIAN_LOOP },
      { find: REPARAMETERIZE, replace: 'tf.add(mu, tf.mul(tf.sqrt(tf.exp(logVar)), eps))' },
      { find: KL, replace: 'tf.sub(tf.mul(0.5, tf.sum(tf.add(tf.exp(logVar), tf.square(mu)), 1)), tf.mul(0.5, tf.sum(tf.add(1, logVar), 1)))' },
    ],
    loses: [],
  },
];
