import * as tf from '@tensorflow/tfjs';

/** One tied-weight autoencoder layer: weights `W [din,dh]`, code bias `b [dh]`, reconstruction bias `bPrime [din]`. */
export type Layer = { W: tf.Tensor2D; b: tf.Tensor1D; bPrime: tf.Tensor1D };

/** Weight decay `lambda`, sparsity weight `beta`, target mean activation `rho` (strictly between 0 and 1). */
export type Hyper = { lambda: number; beta: number; rho: number };

/** Gradients of `layerLoss`, one per parameter of the layer. */
export type LayerGradients = { dW: tf.Tensor2D; db: tf.Tensor1D; dbPrime: tf.Tensor1D };

/** The codes `h = sigmoid(x W + b)`, shape [n,dh]. */
export function encode(x: tf.Tensor2D, layer: Layer): tf.Tensor2D {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(x, layer.W), layer.b)) as tf.Tensor2D);
  // END SOLUTION
}

/** The reconstruction `xhat = sigmoid(h W^T + bPrime)` through the tied weights, shape [n,din]. */
export function decode(h: tf.Tensor2D, layer: Layer): tf.Tensor2D {
  // BEGIN SOLUTION
  return tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(h, tf.transpose(layer.W)), layer.bPrime)) as tf.Tensor2D);
  // END SOLUTION
}

/**
 * `(1/(2n)) sum_i ||xhat_i - x_i||^2 + (lambda/2) sum W^2 + beta sum_j KL(rho || rhohat_j)`,
 * with `rhohat_j = mean_i h_ij`, as a number.
 */
export function layerLoss(x: tf.Tensor2D, layer: Layer, hyper: Hyper): number {
  // BEGIN SOLUTION
  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  const loss = tf.tidy(() => {
    const h = encode(x, layer);
    const reconstruction = tf.sum(tf.square(tf.sub(decode(h, layer), x))).div(2 * n);
    const decay = tf.sum(tf.square(layer.W)).mul(lambda / 2);
    const rhohat = tf.mean(h, 0);
    const kl = tf.add(tf.mul(rho, tf.log(tf.div(rho, rhohat))), tf.mul(1 - rho, tf.log(tf.div(1 - rho, tf.sub(1, rhohat)))));
    return reconstruction.add(decay).add(tf.sum(kl).mul(beta));
  });
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
  // END SOLUTION
}

/** Gradients of `layerLoss` with respect to `W`, `b` and `bPrime`, derived by hand (no autodiff). */
export function layerGradients(x: tf.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients {
  // BEGIN SOLUTION
  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  return tf.tidy(() => {
    const h = encode(x, layer);
    const xhat = decode(h, layer);
    // d loss / d (h W^T + bPrime): the squared error through the output sigmoid.
    const dOut = tf.mul(tf.sub(xhat, x).div(n), tf.mul(xhat, tf.sub(1, xhat)));
    // Each code h_ij moves rhohat_j by 1/n: the sparsity term's share of d loss / d h.
    const rhohat = tf.mean(h, 0);
    const dSparsity = tf.add(tf.div(-rho, rhohat), tf.div(1 - rho, tf.sub(1, rhohat))).mul(beta / n);
    // d loss / d (x W + b): back through the decoder's use of W, plus the sparsity term, through the code sigmoid.
    const dHidden = tf.mul(tf.add(tf.matMul(dOut, layer.W), dSparsity), tf.mul(h, tf.sub(1, h)));
    const encoderPath = tf.matMul(tf.transpose(x), dHidden);
    const decoderPath = tf.matMul(tf.transpose(dOut), h); // xhat uses W^T, so its gradient is transposed back
    return {
      dW: encoderPath.add(decoderPath).add(tf.mul(layer.W, lambda)) as tf.Tensor2D,
      db: tf.sum(dHidden, 0) as tf.Tensor1D,
      dbPrime: tf.sum(dOut, 0) as tf.Tensor1D,
    };
  });
  // END SOLUTION
}

/**
 * Greedy layer-wise pretraining: layer 0 learns to reconstruct `X`, then layer `k`
 * its input, the codes of the already-trained layers `0..k-1`; each gets `steps`
 * full-batch gradient-descent steps `p <- p - lr * grad` from `layers0[k]`.
 */
export function greedyPretrain(X: tf.Tensor2D, layers0: Layer[], hyper: Hyper, steps: number, lr: number): Layer[] {
  // BEGIN SOLUTION
  const trained: Layer[] = [];
  let input = X;
  for (const layer0 of layers0) {
    let layer: Layer = tf.tidy(() => ({ W: layer0.W.clone(), b: layer0.b.clone(), bPrime: layer0.bPrime.clone() }));
    for (let s = 0; s < steps; s++) {
      const g = layerGradients(input, layer, hyper);
      const next: Layer = tf.tidy(() => ({
        W: tf.sub(layer.W, tf.mul(g.dW, lr)),
        b: tf.sub(layer.b, tf.mul(g.db, lr)),
        bPrime: tf.sub(layer.bPrime, tf.mul(g.dbPrime, lr)),
      }));
      tf.dispose([layer, g]);
      layer = next;
    }
    trained.push(layer);
    const codes = encode(input, layer);
    if (input !== X) input.dispose();
    input = codes;
  }
  if (input !== X) input.dispose();
  return trained;
  // END SOLUTION
}

/** The codes of the whole stack: `encode` through every layer in order, shape [n, dh of the last layer]. */
export function encodeStack(X: tf.Tensor2D, layers: Layer[]): tf.Tensor2D {
  // BEGIN SOLUTION
  return tf.tidy(() => layers.reduce((h, layer) => encode(h, layer), X));
  // END SOLUTION
}
