import * as tf from '@tensorflow/tfjs';

/** A small network as plain tensors: `W[i] [in,out]`, `b[i] [out]`, run by `mlpForward`. */
export type Mlp = { W: tf.Tensor2D[]; b: tf.Tensor1D[] };

/** A seeded random source, made by the grader; you dispose the tensors it returns. */
export type Rng = {
  uniform(shape: number[]): tf.Tensor;
  normal(shape: number[]): tf.Tensor;
};

/** Draws `n` data samples `[n,dx]` with the random source it is given. */
export type Sampler = (n: number, rng: Rng) => tf.Tensor2D;

/** Hyper-parameters of `trainGAN`. */
export type TrainOptions = { steps: number; dSteps: number; batchSize: number; lr: number };

/** One entry per training step: the last discriminator update's loss, and the generator update's. */
export type History = { dLoss: number[]; gLoss: number[] };

/** `x = relu(x W[i] + b[i])` for every layer but the last, which is linear (ready-made: not graded). */
export function mlpForward(p: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    let h = x;
    p.W.forEach((W, i) => {
      const a = tf.add(tf.matMul(h, W), p.b[i]) as tf.Tensor2D;
      h = i < p.W.length - 1 ? tf.relu(a) : a;
    });
    return h;
  });
}

/** `-mean log sigmoid(real) - mean log(1 - sigmoid(fake))`, finite for logits of any size. */
export function discriminatorLoss(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): tf.Scalar {
  // BEGIN SOLUTION
  // -log sigmoid(l) = softplus(-l) and -log(1 - sigmoid(l)) = softplus(l): no sigmoid rounds to 0 or 1 on the way.
  return tf.tidy(() => tf.add(tf.mean(tf.softplus(tf.neg(realLogits))), tf.mean(tf.softplus(fakeLogits))));
  // END SOLUTION
}

/** The minimax generator loss `mean log(1 - sigmoid(fake))`, which the generator minimises. */
export function generatorLossSaturating(fakeLogits: tf.Tensor1D): tf.Scalar {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.neg(tf.mean(tf.softplus(fakeLogits))) as tf.Scalar);
  // END SOLUTION
}

/** The non-saturating generator loss `-mean log sigmoid(fake)`. */
export function generatorLossNonSaturating(fakeLogits: tf.Tensor1D): tf.Scalar {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.mean(tf.softplus(tf.neg(fakeLogits))));
  // END SOLUTION
}

/** `D*(x) = pData / (pData + pModel)` on a grid, 0.5 where both densities are 0. */
export function optimalDiscriminator(pData: tf.Tensor1D, pModel: tf.Tensor1D): tf.Tensor1D {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const total = tf.add(pData, pModel);
    // 0/0 is NaN in the unselected branch only: `where` picks 0.5 there.
    return tf.where(tf.equal(total, 0), tf.fill(pData.shape, 0.5), tf.div(pData, total)) as tf.Tensor1D;
  });
  // END SOLUTION
}

/** Jensen-Shannon divergence in nats of two distributions on a grid; terms with zero mass contribute 0. */
export function jensenShannon(p: tf.Tensor1D, q: tf.Tensor1D): number {
  // BEGIN SOLUTION
  const [ps, qs] = [p.dataSync(), q.dataSync()];
  // sum a log(a / m) over the support of a, in float64
  const klToMixture = (a: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) if (a[i] > 0) sum += a[i] * Math.log(a[i] / ((ps[i] + qs[i]) / 2));
    return sum;
  };
  return klToMixture(ps) / 2 + klToMixture(qs) / 2;
  // END SOLUTION
}

/** The logits `[n]` of discriminator `D` on samples `x [n,dx]`. */
const logitsOf = (D: Mlp, x: tf.Tensor2D): tf.Tensor1D => tf.reshape(mlpForward(D, x), [-1]);

/** One plain gradient-descent step `p <- p - lr * d loss / d p` on the parameters of `p` alone. */
function descend(p: Mlp, loss: (q: Mlp) => tf.Scalar, lr: number): Mlp {
  // BEGIN SOLUTION
  const k = p.W.length;
  const asMlp = (flat: tf.Tensor[]): Mlp => ({ W: flat.slice(0, k) as tf.Tensor2D[], b: flat.slice(k) as tf.Tensor1D[] });
  return tf.tidy(() => {
    const grads = asMlp(tf.grads((...flat: tf.Tensor[]) => loss(asMlp(flat)))([...p.W, ...p.b]));
    return {
      W: p.W.map((W, i) => tf.sub(W, tf.mul(grads.W[i], lr))),
      b: p.b.map((b, i) => tf.sub(b, tf.mul(grads.b[i], lr))),
    };
  });
  // END SOLUTION
}

/** One gradient-descent step on `discriminatorLoss(D(xReal), D(G(z)))` over D's parameters; G is left untouched. */
export function discriminatorStep(D: Mlp, G: Mlp, xReal: tf.Tensor2D, z: tf.Tensor2D, lr: number): Mlp {
  // BEGIN SOLUTION
  return tf.tidy(() => {
    const fake = mlpForward(G, z);
    return descend(D, (d) => discriminatorLoss(logitsOf(d, xReal), logitsOf(d, fake)), lr);
  });
  // END SOLUTION
}

/** One gradient-descent step on `generatorLossNonSaturating(D(G(z)))` over G's parameters; D is left untouched. */
export function generatorStep(D: Mlp, G: Mlp, z: tf.Tensor2D, lr: number): Mlp {
  // BEGIN SOLUTION
  return descend(G, (g) => generatorLossNonSaturating(logitsOf(D, mlpForward(g, z))), lr);
  // END SOLUTION
}

/** Alternates `dSteps` discriminator steps and one generator step, `steps` times, on batches from `sampleData`. */
export function trainGAN(sampleData: Sampler, G0: Mlp, D0: Mlp, options: TrainOptions, rng: Rng): { G: Mlp; D: Mlp; history: History } {
  // BEGIN SOLUTION
  const { steps, dSteps, batchSize, lr } = options;
  const dz = G0.W[0].shape[0];
  const history: History = { dLoss: [], gLoss: [] };
  let [G, D] = [G0, D0];
  // Frees a network this loop made (never G0 or D0, which belong to the caller).
  const replace = (old: Mlp, next: Mlp): Mlp => {
    if (old !== G0 && old !== D0) tf.dispose([...old.W, ...old.b]);
    return next;
  };
  const lossValue = (loss: tf.Scalar): number => {
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  };
  for (let step = 0; step < steps; step++) {
    let dLoss = 0;
    for (let k = 0; k < dSteps; k++) {
      const [x, z] = [sampleData(batchSize, rng), rng.normal([batchSize, dz]) as tf.Tensor2D];
      dLoss = lossValue(tf.tidy(() => discriminatorLoss(logitsOf(D, x), logitsOf(D, mlpForward(G, z)))));
      D = replace(D, discriminatorStep(D, G, x, z, lr));
      tf.dispose([x, z]);
    }
    history.dLoss.push(dLoss);
    const z = rng.normal([batchSize, dz]) as tf.Tensor2D;
    history.gLoss.push(lossValue(tf.tidy(() => generatorLossNonSaturating(logitsOf(D, mlpForward(G, z))))));
    G = replace(G, generatorStep(D, G, z, lr));
    z.dispose();
  }
  return { G, D, history };
  // END SOLUTION
}
