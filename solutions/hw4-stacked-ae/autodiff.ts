/**
 * The layer loss as a differentiable tensor function, for staff code: autodiff
 * of it checks the reference's hand-derived gradients when fixtures are made,
 * and autodiff of a known misreading of the loss names a student's bug.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { isClose, type Tolerance } from '../../grader/staff/api.ts';
import type { Hyper, Layer, LayerGradients } from './stacked_ae.ts';

/** The spec's loss, or one of the usual misreadings of it. */
export type LossVariant = 'spec' | 'decayFullLambda' | 'decayOnBiases' | 'klReversed' | 'rhohatPerExample' | 'noSparsity';

type Tensor = tfjs.Tensor;

/** `KL(p || q)` between Bernoulli means, elementwise. */
const bernoulliKL = (tf: typeof tfjs, p: Tensor | number, q: Tensor | number): Tensor =>
  tf.add(tf.mul(p, tf.log(tf.div(p, q))), tf.mul(tf.sub(1, p), tf.log(tf.div(tf.sub(1, p), tf.sub(1, q)))));

/**
 * The loss of `layer` on `x` as a scalar tensor, written as `variant` reads the
 * spec. `decoderW` (default `layer.W`) unties the decoder's copy of the weight,
 * so autodiff can take each path of the tied weight on its own.
 */
export function lossTensor(tf: typeof tfjs, x: Tensor, layer: Layer, hyper: Hyper, variant: LossVariant = 'spec', decoderW: Tensor = layer.W): tfjs.Scalar {
  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  return tf.tidy(() => {
    const h = tf.sigmoid(tf.add(tf.matMul(x, layer.W), layer.b));
    const xhat = tf.sigmoid(tf.add(tf.matMul(h, tf.transpose(decoderW)), layer.bPrime));
    const reconstruction = tf.sum(tf.square(tf.sub(xhat, x))).div(2 * n);
    const squares = variant === 'decayOnBiases' ? [layer.W, layer.b, layer.bPrime] : [layer.W];
    const decay = tf.addN(squares.map((t) => tf.sum(tf.square(t)))).mul(variant === 'decayFullLambda' ? lambda : lambda / 2);
    const sparsity =
      variant === 'noSparsity' ? tf.scalar(0)
      : variant === 'rhohatPerExample' ? tf.sum(bernoulliKL(tf, rho, h)).div(n)
      : variant === 'klReversed' ? tf.sum(bernoulliKL(tf, tf.mean(h, 0), rho))
      : tf.sum(bernoulliKL(tf, rho, tf.mean(h, 0)));
    return reconstruction.add(decay).add(sparsity.mul(beta)) as tfjs.Scalar;
  });
}

/** `tf.grads` of `lossTensor` with respect to `W`, `b` and `bPrime`. */
export function autodiffGradients(tf: typeof tfjs, x: Tensor, layer: Layer, hyper: Hyper, variant: LossVariant = 'spec'): LayerGradients {
  const f = (W: Tensor, b: Tensor, bPrime: Tensor) => lossTensor(tf, x, { W, b, bPrime } as Layer, hyper, variant);
  const [dW, db, dbPrime] = tf.grads(f)([layer.W, layer.b, layer.bPrime]);
  return { dW, db, dbPrime } as LayerGradients;
}

/** The two paths of the tied weight's gradient, without weight decay: through the encoder `x W` and through the decoder `h W^T`. */
export function tiedWeightPaths(tf: typeof tfjs, x: Tensor, layer: Layer, hyper: Hyper): { encoder: Tensor; decoder: Tensor } {
  const untied = { ...hyper, lambda: 0 };
  const f = (W: Tensor, decoderW: Tensor) => lossTensor(tf, x, { ...layer, W } as Layer, untied, 'spec', decoderW);
  return tf.tidy(() => {
    // Two distinct tensors: tf.grads given the same tensor twice returns the full gradient for both.
    const [encoder, decoder] = tf.grads(f)([layer.W, layer.W.clone()]);
    return { encoder, decoder };
  });
}

/**
 * Hand-derived against autodiff gradients of the same float32 loss: they differ
 * by rounding only (<= 2.0e-7 x max(1, max|expected|) on the graded cases), a
 * derivation mistake by O(1e-2) or more.
 */
const AUTODIFF: Tolerance = { rtol: 1e-4, atol: 1e-6, why: 'hand-derived vs autodiff gradients of the reference loss' };

/** The two functions of a solution that the autodiff check holds to each other. */
export type LossAndGradients = {
  layerLoss(x: tfjs.Tensor2D, layer: Layer, hyper: Hyper): number;
  layerGradients(x: tfjs.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients;
};

/**
 * Throws unless `reference.layerLoss` equals the staff loss and
 * `reference.layerGradients` equals autodiff of it on these inputs: run when
 * fixtures are made, so they cannot carry a hand-derivation mistake of ours.
 */
export function checkAgainstAutodiff(tf: typeof tfjs, reference: LossAndGradients, x: tfjs.Tensor2D, layer: Layer, hyper: Hyper): void {
  const auto = lossTensor(tf, x, layer, hyper);
  const lossOk = isClose(reference.layerLoss(x, layer, hyper), auto, AUTODIFF);
  const hand = reference.layerGradients(x, layer, hyper);
  const grads = autodiffGradients(tf, x, layer, hyper);
  const bad = (['dW', 'db', 'dbPrime'] as const).filter((key) => !isClose(hand[key], grads[key], AUTODIFF));
  tf.dispose([auto, hand, grads]);
  if (!lossOk) throw new Error('hw4 reference: layerLoss differs from the staff loss');
  if (bad.length) throw new Error(`hw4 reference: layerGradients' ${bad.join(', ')} differ${bad.length === 1 ? 's' : ''} from autodiff of the loss`);
}
