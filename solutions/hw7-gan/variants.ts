import type { Variant } from '../../grader/staff/api.ts';

const D_LOSS = 'return tf.tidy(() => tf.add(tf.mean(tf.softplus(tf.neg(realLogits))), tf.mean(tf.softplus(fakeLogits))));';
const SATURATING = 'return tf.tidy(() => tf.neg(tf.mean(tf.softplus(fakeLogits))) as tf.Scalar);';
const NON_SATURATING = 'return tf.tidy(() => tf.mean(tf.softplus(tf.neg(fakeLogits))));';
const OPTIMAL = 'return tf.where(tf.equal(total, 0), tf.fill(pData.shape, 0.5), tf.div(pData, total)) as tf.Tensor1D;';
const JSD = 'return klToMixture(ps) / 2 + klToMixture(qs) / 2;';
const D_STEP = '    const fake = mlpForward(G, z);\n    return descend(D, (d) => discriminatorLoss(logitsOf(d, xReal), logitsOf(d, fake)), lr);';
const G_STEP = 'return descend(G, (g) => generatorLossNonSaturating(logitsOf(D, mlpForward(g, z))), lr);';
/** The three losses with tf.logSigmoid on their input logits, using log(1 - sigmoid(l)) = logSigmoid(l) - l. */
const LOG_SIGMOID_LOSSES = [
  { find: D_LOSS, replace: 'return tf.tidy(() => tf.neg(tf.add(tf.mean(tf.logSigmoid(realLogits)), tf.mean(tf.sub(tf.logSigmoid(fakeLogits), fakeLogits)))));' },
  { find: SATURATING, replace: 'return tf.tidy(() => tf.mean(tf.sub(tf.logSigmoid(fakeLogits), fakeLogits)));' },
  { find: NON_SATURATING, replace: 'return tf.tidy(() => tf.neg(tf.mean(tf.logSigmoid(fakeLogits))));' },
];
/**
 * Not a bug under the cpu re-run: the losses with tf.logSigmoid on their input logits, called by the steps on
 * logits computed by D, fail in the backward pass on wasm (tfjs 4.22) and pass on cpu, the reference backend.
 */
export const logSigmoidInTheSteps: Variant = {
  name: 'log-sigmoid-differentiated-in-the-steps',
  description: 'the losses with tf.logSigmoid on their input logits, called by the steps on logits computed by D: tfjs 4.22 fails in the backward pass on wasm',
  edits: LOG_SIGMOID_LOSSES,
  loses: [],
};

const DESCEND_BODY = [
  '  const k = p.W.length;',
  '  const asMlp = (flat: tf.Tensor[]): Mlp => ({ W: flat.slice(0, k) as tf.Tensor2D[], b: flat.slice(k) as tf.Tensor1D[] });',
  '  return tf.tidy(() => {',
  '    const grads = asMlp(tf.grads((...flat: tf.Tensor[]) => loss(asMlp(flat)))([...p.W, ...p.b]));',
  '    return {',
  '      W: p.W.map((W, i) => tf.sub(W, tf.mul(grads.W[i], lr))),',
  '      b: p.b.map((b, i) => tf.sub(b, tf.mul(grads.b[i], lr))),',
  '    };',
  '  });',
].join('\n');

/** Realistic hw7 bugs, each an edit of the reference, with the parts it must cost. */
export const bugs: Variant[] = [
  {
    name: 'saturating-loss-in-generator-step',
    description: 'generatorStep descends the minimax loss mean log(1 - D(G(z))) instead of the non-saturating one',
    edits: [{ find: G_STEP, replace: G_STEP.replace('generatorLossNonSaturating', 'generatorLossSaturating') }],
    // In 200 rounds of one D step each, D never rejects G's samples confidently enough for the saturation to stall
    // training (W1 0.64 to 1.09 over 4 seeds, under the 1.5 threshold): the gradient cases and generatorStep show it.
    loses: ['generatorStep'],
  },
  {
    name: 'discriminator-step-moves-generator',
    description: 'discriminatorStep also takes a step on G (descending the D loss) and writes it into G',
    edits: [
      {
        find: D_STEP,
        replace: [
          '    const loss = (d: Mlp, g: Mlp) => discriminatorLoss(logitsOf(d, xReal), logitsOf(d, mlpForward(g, z)));',
          '    const movedG = descend(G, (g) => loss(D, g), lr);',
          '    [G.W, G.b] = [movedG.W.map((W) => tf.keep(W)), movedG.b.map((b) => tf.keep(b))];',
          '    return descend(D, (d) => loss(d, G), lr);',
        ].join('\n'),
      },
    ],
    loses: ['discriminatorStep', 'trainGAN'],
  },
  {
    name: 'discriminator-loss-sign-flipped',
    description: 'discriminatorLoss returns mean log D(x) + mean log(1 - D(G(z))), the value V itself, which D should maximise',
    edits: [{ find: D_LOSS, replace: 'return tf.tidy(() => tf.neg(tf.add(tf.mean(tf.softplus(tf.neg(realLogits))), tf.mean(tf.softplus(fakeLogits)))));' }],
    loses: ['discriminatorLoss', 'discriminatorStep', 'trainGAN'],
  },
  {
    name: 'discriminator-loss-labels-swapped',
    description: 'discriminatorLoss labels the real samples 0 and the fakes 1',
    edits: [{ find: D_LOSS, replace: 'return tf.tidy(() => tf.add(tf.mean(tf.softplus(realLogits)), tf.mean(tf.softplus(tf.neg(fakeLogits)))));' }],
    loses: ['discriminatorLoss', 'discriminatorStep', 'trainGAN'],
  },
  {
    name: 'discriminator-loss-mean-over-concatenation',
    description: 'discriminatorLoss takes one mean over the real and fake terms together instead of the sum of two means',
    edits: [{ find: D_LOSS, replace: 'return tf.tidy(() => tf.mean(tf.concat([tf.softplus(tf.neg(realLogits)), tf.softplus(fakeLogits)])));' }],
    loses: ['discriminatorLoss', 'discriminatorStep'],
  },
  {
    name: 'log-sigmoid-of-one-minus-logit',
    description: 'log(1 - D(G(z))) written as tf.logSigmoid(1 - l), as if 1 - D were a logit',
    edits: [{ find: D_LOSS, replace: 'return tf.tidy(() => tf.sub(tf.mean(tf.softplus(tf.neg(realLogits))), tf.mean(tf.logSigmoid(tf.sub(1, fakeLogits)))));' }],
    loses: ['discriminatorLoss', 'discriminatorStep', 'trainGAN'],
  },
  {
    name: 'naive-log-sigmoid-discriminator',
    description: 'discriminatorLoss as -mean(log(sigmoid(real))) - mean(log(1 - sigmoid(fake))): log(0) at logits of +-100',
    edits: [{ find: D_LOSS, replace: 'return tf.tidy(() => tf.neg(tf.add(tf.mean(tf.log(tf.sigmoid(realLogits))), tf.mean(tf.log(tf.sub(1, tf.sigmoid(fakeLogits)))))));' }],
    loses: ['discriminatorLoss'],
  },
  {
    name: 'naive-log-sigmoid-generator',
    description: 'the non-saturating loss as -mean(log(sigmoid(fake))): log(0) at a logit of -100',
    edits: [{ find: NON_SATURATING, replace: 'return tf.tidy(() => tf.neg(tf.mean(tf.log(tf.sigmoid(fakeLogits)))));' }],
    loses: ['generatorLossNonSaturating'],
  },
  {
    name: 'naive-log-one-minus-sigmoid-saturating',
    description: 'the saturating loss as mean(log(1 - sigmoid(fake))): log(0) at a logit of +100',
    edits: [{ find: SATURATING, replace: 'return tf.tidy(() => tf.mean(tf.log(tf.sub(1, tf.sigmoid(fakeLogits)))));' }],
    loses: ['generatorLossSaturating'],
  },
  {
    name: 'optimal-discriminator-without-zero-rule',
    description: 'optimalDiscriminator divides without the 0/0 rule: NaN where both densities vanish',
    edits: [{ find: OPTIMAL, replace: 'return tf.div(pData, total) as tf.Tensor1D;' }],
    loses: ['optimalDiscriminator'],
  },
  {
    name: 'optimal-discriminator-epsilon',
    description: 'optimalDiscriminator adds 1e-8 to the denominator: 0 instead of 1/2 where both vanish, wrong where both are tiny',
    edits: [{ find: OPTIMAL, replace: 'return tf.div(pData, tf.add(total, 1e-8)) as tf.Tensor1D;' }],
    loses: ['optimalDiscriminator'],
  },
  {
    name: 'jensen-shannon-in-bits',
    description: 'jensenShannon uses log base 2',
    edits: [{ find: JSD, replace: 'return (klToMixture(ps) / 2 + klToMixture(qs) / 2) / Math.LN2;' }],
    loses: ['jensenShannon'],
  },
  {
    name: 'jensen-shannon-without-halves',
    description: 'jensenShannon adds the two KL terms without their 1/2 factors',
    edits: [{ find: JSD, replace: 'return klToMixture(ps) + klToMixture(qs);' }],
    loses: ['jensenShannon'],
  },
  {
    name: 'jensen-shannon-mixture-without-half',
    description: 'jensenShannon takes KL to p + q instead of the mixture (p + q)/2',
    edits: [{ find: 'sum += a[i] * Math.log(a[i] / ((ps[i] + qs[i]) / 2));', replace: 'sum += a[i] * Math.log(a[i] / (ps[i] + qs[i]));' }],
    loses: ['jensenShannon'],
  },
];

/** Correct implementations written differently from the reference: they must get 100. */
export const alternatives: Variant[] = [
  {
    name: 'log-sigmoid-on-the-input-logits',
    description: 'the losses with tf.logSigmoid on their input logits; the steps differentiate tf.losses.sigmoidCrossEntropy instead, which has a working gradient',
    edits: [
      ...LOG_SIGMOID_LOSSES,
      { find: 'descend(D, (d) => discriminatorLoss(logitsOf(d, xReal), logitsOf(d, fake)), lr)', replace: 'descend(D, (d) => tf.add(tf.losses.sigmoidCrossEntropy(tf.onesLike(logitsOf(d, xReal)), logitsOf(d, xReal)), tf.losses.sigmoidCrossEntropy(tf.zerosLike(logitsOf(d, fake)), logitsOf(d, fake))), lr)' },
      { find: G_STEP, replace: 'return descend(G, (g) => tf.losses.sigmoidCrossEntropy(tf.onesLike(logitsOf(D, mlpForward(g, z))), logitsOf(D, mlpForward(g, z))), lr);' },
    ],
    loses: [],
  },
  {
    name: 'sigmoid-cross-entropy',
    description: 'the losses through tf.losses.sigmoidCrossEntropy (labels first; its default reduction is the mean)',
    edits: [
      { find: D_LOSS, replace: 'return tf.tidy(() => tf.add(tf.losses.sigmoidCrossEntropy(tf.onesLike(realLogits), realLogits), tf.losses.sigmoidCrossEntropy(tf.zerosLike(fakeLogits), fakeLogits)));' },
      { find: SATURATING, replace: 'return tf.tidy(() => tf.neg(tf.losses.sigmoidCrossEntropy(tf.zerosLike(fakeLogits), fakeLogits)));' },
      { find: NON_SATURATING, replace: 'return tf.tidy(() => tf.losses.sigmoidCrossEntropy(tf.onesLike(fakeLogits), fakeLogits));' },
    ],
    loses: [],
  },
  {
    name: 'jensen-shannon-in-tensors',
    description: 'jensenShannon as KL divergences to the mixture, in float32 tensors, with where() for the zero-mass terms',
    edits: [
      {
        find: '  const [ps, qs] = [p.dataSync(), q.dataSync()];',
        replace: [
          '  const jsd = tf.tidy(() => {',
          '    const m = tf.div(tf.add(p, q), 2);',
          '    const kl = (a: tf.Tensor) => tf.sum(tf.where(tf.greater(a, 0), tf.mul(a, tf.log(tf.div(a, m))), tf.zerosLike(a)));',
          '    return tf.add(tf.div(kl(p), 2), tf.div(kl(q), 2));',
          '  });',
          '  const value = jsd.dataSync()[0];',
          '  jsd.dispose();',
          '  return value;',
          '  const [ps, qs] = [p.dataSync(), q.dataSync()];',
        ].join('\n'),
      },
    ],
    loses: [],
  },
  {
    name: 'jensen-shannon-written-out',
    description: 'jensenShannon written out directly: sum of p log(2p/(p+q))/2 + q log(2q/(p+q))/2 over one loop, in JS',
    edits: [
      {
        find: JSD,
        replace: [
          'let total = 0;',
          '  for (let i = 0; i < ps.length; i++) {',
          '    const s = ps[i] + qs[i];',
          '    if (ps[i] > 0) total += 0.5 * ps[i] * Math.log((2 * ps[i]) / s);',
          '    if (qs[i] > 0) total += 0.5 * qs[i] * Math.log((2 * qs[i]) / s);',
          '  }',
          '  return total;',
        ].join('\n'),
      },
    ],
    loses: [],
  },
  {
    name: 'optimal-discriminator-in-js',
    description: 'optimalDiscriminator by a loop over dataSync in float64',
    edits: [
      {
        find: '  return tf.tidy(() => {\n    const total = tf.add(pData, pModel);',
        replace: [
          '  const [a, b] = [pData.dataSync(), pModel.dataSync()];',
          '  return tf.tensor1d(Array.from(a, (x, i) => (x + b[i] === 0 ? 0.5 : x / (x + b[i]))));',
          '  return tf.tidy(() => {',
          '    const total = tf.add(pData, pModel);',
        ].join('\n'),
      },
    ],
    loses: [],
  },
  {
    name: 'variables-with-an-optimizer',
    description: 'each step copies the parameters into tf.Variables and runs tf.train.sgd(lr).minimize with an explicit varList',
    edits: [
      {
        find: DESCEND_BODY,
        replace: [
          '  const k = p.W.length;',
          '  const vars = [...p.W, ...p.b].map((x) => tf.variable(x));',
          '  const asMlp = (flat: tf.Tensor[]): Mlp => ({ W: flat.slice(0, k) as tf.Tensor2D[], b: flat.slice(k) as tf.Tensor1D[] });',
          '  const optimizer = tf.train.sgd(lr);',
          '  tf.dispose(optimizer.minimize(() => loss(asMlp(vars)), false, vars));',
          '  optimizer.dispose();',
          '  return asMlp(vars);',
        ].join('\n'),
      },
    ],
    loses: [],
  },
  {
    name: 'train-with-adam-variables',
    description: 'trainGAN keeps G and D in tf.Variables and trains them with two Adam optimizers, each with its own varList',
    edits: [
      {
        find: '  const history: History = { dLoss: [], gLoss: [] };\n  let [G, D] = [G0, D0];',
        replace: [
          '  const history: History = { dLoss: [], gLoss: [] };',
          '  const asVariables = (p: Mlp): Mlp => ({ W: p.W.map((W) => tf.variable(W)), b: p.b.map((b) => tf.variable(b)) });',
          '  const [Gv, Dv] = [asVariables(G0), asVariables(D0)];',
          '  const [dVars, gVars] = [Dv, Gv].map((p) => [...p.W, ...p.b] as tf.Variable[]);',
          '  const [dOpt, gOpt] = [tf.train.adam(0.01, 0.5), tf.train.adam(0.01, 0.5)];',
          '  for (let step = 0; step < steps; step++) {',
          '    let dLoss = 0;',
          '    for (let k = 0; k < dSteps; k++) {',
          '      const [x, z] = [sampleData(batchSize, rng), rng.normal([batchSize, dz]) as tf.Tensor2D];',
          '      const loss = dOpt.minimize(() => discriminatorLoss(logitsOf(Dv, x), logitsOf(Dv, mlpForward(Gv, z))), true, dVars)!;',
          '      dLoss = loss.dataSync()[0];',
          '      tf.dispose([x, z, loss]);',
          '    }',
          '    history.dLoss.push(dLoss);',
          '    const z = rng.normal([batchSize, dz]) as tf.Tensor2D;',
          '    const loss = gOpt.minimize(() => generatorLossNonSaturating(logitsOf(Dv, mlpForward(Gv, z))), true, gVars)!;',
          '    history.gLoss.push(loss.dataSync()[0]);',
          '    tf.dispose([z, loss]);',
          '  }',
          '  dOpt.dispose();',
          '  gOpt.dispose();',
          '  if (steps > 0) return { G: Gv, D: Dv, history };',
          '  let [G, D] = [G0, D0];',
        ].join('\n'),
      },
    ],
    loses: [],
  },
];
