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
  throw new Error('Not implemented: discriminatorLoss (gan.ts)');
}

/** The minimax generator loss `mean log(1 - sigmoid(fake))`, which the generator minimises. */
export function generatorLossSaturating(fakeLogits: tf.Tensor1D): tf.Scalar {
  throw new Error('Not implemented: generatorLossSaturating (gan.ts)');
}

/** The non-saturating generator loss `-mean log sigmoid(fake)`. */
export function generatorLossNonSaturating(fakeLogits: tf.Tensor1D): tf.Scalar {
  throw new Error('Not implemented: generatorLossNonSaturating (gan.ts)');
}

/** `D*(x) = pData / (pData + pModel)` on a grid, 0.5 where both densities are 0. */
export function optimalDiscriminator(pData: tf.Tensor1D, pModel: tf.Tensor1D): tf.Tensor1D {
  throw new Error('Not implemented: optimalDiscriminator (gan.ts)');
}

/** Jensen-Shannon divergence in nats of two distributions on a grid; terms with zero mass contribute 0. */
export function jensenShannon(p: tf.Tensor1D, q: tf.Tensor1D): number {
  throw new Error('Not implemented: jensenShannon (gan.ts)');
}

/** The logits `[n]` of discriminator `D` on samples `x [n,dx]`. */
const logitsOf = (D: Mlp, x: tf.Tensor2D): tf.Tensor1D => tf.reshape(mlpForward(D, x), [-1]);

/** One plain gradient-descent step `p <- p - lr * d loss / d p` on the parameters of `p` alone. */
function descend(p: Mlp, loss: (q: Mlp) => tf.Scalar, lr: number): Mlp {
  throw new Error('Not implemented: descend (gan.ts)');
}

/** One gradient-descent step on `discriminatorLoss(D(xReal), D(G(z)))` over D's parameters; G is left untouched. */
export function discriminatorStep(D: Mlp, G: Mlp, xReal: tf.Tensor2D, z: tf.Tensor2D, lr: number): Mlp {
  throw new Error('Not implemented: discriminatorStep (gan.ts)');
}

/** One gradient-descent step on `generatorLossNonSaturating(D(G(z)))` over G's parameters; D is left untouched. */
export function generatorStep(D: Mlp, G: Mlp, z: tf.Tensor2D, lr: number): Mlp {
  throw new Error('Not implemented: generatorStep (gan.ts)');
}

/** Alternates `dSteps` discriminator steps and one generator step, `steps` times, on batches from `sampleData`. */
export function trainGAN(sampleData: Sampler, G0: Mlp, D0: Mlp, options: TrainOptions, rng: Rng): { G: Mlp; D: Mlp; history: History } {
  throw new Error('Not implemented: trainGAN (gan.ts)');
}
