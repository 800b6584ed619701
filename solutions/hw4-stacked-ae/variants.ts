import type { Variant } from '../../grader/staff/api.ts';

const LOSS_KL = 'return reconstruction.add(decay).add(tf.sum(kl).mul(beta));';
const LOSS_RHOHAT = `    const rhohat = tf.mean(h, 0);
    const kl = `;
const GRAD_SPARSITY = 'const dSparsity = tf.add(tf.div(-rho, rhohat), tf.div(1 - rho, tf.sub(1, rhohat))).mul(beta / n);';
const GRAD_RETURN = `      dW: encoderPath.add(decoderPath).add(tf.mul(layer.W, lambda)) as tf.Tensor2D,
      db: tf.sum(dHidden, 0) as tf.Tensor1D,
      dbPrime: tf.sum(dOut, 0) as tf.Tensor1D,`;
const STEP = 'const g = layerGradients(input, layer, hyper);';
const NEXT_INPUT = 'const codes = encode(input, layer);';

const GRADIENT_USERS = ['layerGradients', 'greedyPretrain'];

/** Realistic hw4 bugs, each an edit of the reference, with the parts it must cost. */
export const bugs: Variant[] = [
  {
    name: 'greedy-trains-every-layer-on-x',
    description: 'layer k > 0 is trained to reconstruct the raw data X instead of the codes below it',
    edits: [{ find: STEP, replace: 'const g = layerGradients(X, layer, hyper);' }],
    loses: ['greedyPretrain'],
  },
  {
    name: 'greedy-codes-of-untrained-layers',
    description: 'the next layer learns from the codes of the untrained layer (layers0[k]), not the trained one',
    edits: [{ find: NEXT_INPUT, replace: 'const codes = encode(input, layer0);' }],
    loses: ['greedyPretrain'],
  },
  {
    name: 'greedy-trains-on-reconstructions',
    description: "the next layer learns from the trained layer's reconstructions decode(encode(input))",
    edits: [{ find: NEXT_INPUT, replace: 'const codes = tf.tidy(() => decode(encode(input, layer), layer));' }],
    loses: ['greedyPretrain'],
  },
  {
    name: 'loss-rhohat-per-example',
    description: "layerLoss's sparsity penalty averages KL(rho || h_ij) over the examples instead of using rhohat_j = mean_i h_ij",
    edits: [
      { find: LOSS_RHOHAT, replace: '    const rhohat = h;\n    const kl = ' },
      { find: LOSS_KL, replace: 'return reconstruction.add(decay).add(tf.sum(kl).div(n).mul(beta));' },
    ],
    loses: ['layerLoss'],
  },
  {
    name: 'gradients-rhohat-per-example',
    description: "layerGradients' sparsity term uses each example's code instead of the batch mean rhohat",
    edits: [{ find: 'const rhohat = tf.mean(h, 0);\n    const dSparsity', replace: 'const rhohat = h;\n    const dSparsity' }],
    loses: GRADIENT_USERS,
  },
  {
    name: 'loss-kl-reversed',
    description: 'layerLoss computes KL(rhohat || rho) instead of KL(rho || rhohat)',
    edits: [
      {
        find: 'const kl = tf.add(tf.mul(rho, tf.log(tf.div(rho, rhohat))), tf.mul(1 - rho, tf.log(tf.div(1 - rho, tf.sub(1, rhohat)))));',
        replace: 'const kl = tf.add(tf.mul(rhohat, tf.log(tf.div(rhohat, rho))), tf.mul(tf.sub(1, rhohat), tf.log(tf.div(tf.sub(1, rhohat), 1 - rho))));',
      },
    ],
    loses: ['layerLoss'],
  },
  {
    name: 'gradients-kl-reversed',
    description: 'layerGradients differentiates KL(rhohat || rho) instead of KL(rho || rhohat)',
    edits: [{ find: GRAD_SPARSITY, replace: 'const dSparsity = tf.sub(tf.log(tf.div(rhohat, rho)), tf.log(tf.div(tf.sub(1, rhohat), 1 - rho))).mul(beta / n);' }],
    loses: GRADIENT_USERS,
  },
  {
    name: 'loss-decay-full-lambda',
    description: 'layerLoss uses lambda * sum W^2 instead of (lambda/2) sum W^2',
    edits: [{ find: 'tf.sum(tf.square(layer.W)).mul(lambda / 2)', replace: 'tf.sum(tf.square(layer.W)).mul(lambda)' }],
    loses: ['layerLoss'],
  },
  {
    name: 'gradients-decay-full-lambda',
    description: 'layerGradients differentiates lambda * sum W^2 (2 lambda W) instead of (lambda/2) sum W^2',
    edits: [{ find: 'tf.mul(layer.W, lambda)', replace: 'tf.mul(layer.W, 2 * lambda)' }],
    loses: GRADIENT_USERS,
  },
  {
    name: 'loss-decay-on-biases',
    description: 'layerLoss applies the weight decay to the biases too',
    edits: [
      {
        find: 'const decay = tf.sum(tf.square(layer.W)).mul(lambda / 2);',
        replace: 'const decay = tf.addN([layer.W, layer.b, layer.bPrime].map((t) => tf.sum(tf.square(t)))).mul(lambda / 2);',
      },
    ],
    loses: ['layerLoss'],
  },
  {
    name: 'gradients-decay-on-biases',
    description: 'layerGradients adds lambda b and lambda bPrime to the bias gradients',
    edits: [
      {
        find: GRAD_RETURN,
        replace: `      dW: encoderPath.add(decoderPath).add(tf.mul(layer.W, lambda)) as tf.Tensor2D,
      db: tf.sum(dHidden, 0).add(tf.mul(layer.b, lambda)) as tf.Tensor1D,
      dbPrime: tf.sum(dOut, 0).add(tf.mul(layer.bPrime, lambda)) as tf.Tensor1D,`,
      },
    ],
    loses: GRADIENT_USERS,
  },
  {
    name: 'decoder-uses-w-untransposed',
    description: 'decode multiplies by W instead of W^T (a shape error on every non-square layer)',
    edits: [{ find: 'tf.matMul(h, tf.transpose(layer.W))', replace: 'tf.matMul(h, layer.W)' }],
    loses: ['decode', 'layerLoss', 'layerGradients', 'greedyPretrain'],
  },
  {
    name: 'dw-missing-decoder-path',
    description: "dW keeps only the encoder's use of the tied weight",
    edits: [{ find: 'dW: encoderPath.add(decoderPath)', replace: 'dW: encoderPath' }],
    loses: GRADIENT_USERS,
  },
  {
    name: 'dw-missing-encoder-path',
    description: "dW keeps only the decoder's use of the tied weight",
    edits: [{ find: 'dW: encoderPath.add(decoderPath)', replace: 'dW: decoderPath' }],
    loses: GRADIENT_USERS,
  },
  {
    name: 'sigmoid-derivative-at-preactivation',
    description: 'the code sigmoid derivative is taken as a (1 - a) at the pre-activation a = x W + b instead of h (1 - h)',
    edits: [
      {
        find: 'tf.mul(h, tf.sub(1, h)));',
        replace: 'tf.mul(tf.add(tf.matMul(x, layer.W), layer.b), tf.sub(1, tf.add(tf.matMul(x, layer.W), layer.b))));',
      },
    ],
    loses: GRADIENT_USERS,
  },
  {
    name: 'sparsity-missing-from-backward-pass',
    description: 'layerGradients leaves out the sparsity term (the loss has it)',
    edits: [{ find: 'tf.add(tf.matMul(dOut, layer.W), dSparsity)', replace: 'tf.matMul(dOut, layer.W)' }],
    loses: GRADIENT_USERS,
  },
  {
    name: 'encode-stack-last-layer-linear',
    description: 'encodeStack leaves the last layer linear (x W + b without the sigmoid)',
    edits: [
      {
        find: 'return tf.tidy(() => layers.reduce((h, layer) => encode(h, layer), X));',
        replace: `return tf.tidy(() => {
    const last = layers[layers.length - 1];
    const below = layers.slice(0, -1).reduce((h, layer) => encode(h, layer), X);
    return tf.add(tf.matMul(below, last.W), last.b) as tf.Tensor2D;
  });`,
      },
    ],
    loses: ['encodeStack'],
  },
  {
    name: 'autodiff-in-layer-gradients',
    description: 'takes the gradients with tf.grads instead of deriving them (banned: the part is rejected unrun)',
    edits: [
      {
        find: 'export function layerGradients(x: tf.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients {',
        replace: `export function layerGradients(x: tf.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients {
  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  const f = (W: tf.Tensor, b: tf.Tensor, bPrime: tf.Tensor) => {
    const h = tf.sigmoid(tf.add(tf.matMul(x, W), b));
    const xhat = tf.sigmoid(tf.add(tf.matMul(h, tf.transpose(W)), bPrime));
    const rhohat = tf.mean(h, 0);
    const kl = tf.add(tf.mul(rho, tf.log(tf.div(rho, rhohat))), tf.mul(1 - rho, tf.log(tf.div(1 - rho, tf.sub(1, rhohat)))));
    return tf.sum(tf.square(tf.sub(xhat, x))).div(2 * n).add(tf.sum(tf.square(W)).mul(lambda / 2)).add(tf.sum(kl).mul(beta)) as tf.Scalar;
  };
  const [dW, db, dbPrime] = tf.tidy(() => tf.grads(f)([layer.W, layer.b, layer.bPrime]));
  return { dW, db, dbPrime } as LayerGradients;
}

export function unusedHandDerivation(x: tf.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients {`,
      },
    ],
    loses: ['layerGradients'],
  },
  {
    name: 'autodiff-through-engine',
    description: "hostile: takes the gradients with the engine's own tf.engine().gradients (banned like tf.grads: the part is rejected unrun)",
    edits: [
      {
        find: 'export function layerGradients(x: tf.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients {',
        replace: `export function layerGradients(x: tf.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients {
  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  const xs = [layer.W, layer.b, layer.bPrime];
  const { value, grads } = tf.engine().gradients(() => {
    const h = tf.sigmoid(tf.add(tf.matMul(x, xs[0]), xs[1]));
    const xhat = tf.sigmoid(tf.add(tf.matMul(h, tf.transpose(xs[0])), xs[2]));
    const rhohat = tf.mean(h, 0);
    const kl = tf.add(tf.mul(rho, tf.log(tf.div(rho, rhohat))), tf.mul(1 - rho, tf.log(tf.div(1 - rho, tf.sub(1, rhohat)))));
    return tf.sum(tf.square(tf.sub(xhat, x))).div(2 * n).add(tf.sum(tf.square(xs[0])).mul(lambda / 2)).add(tf.sum(kl).mul(beta)) as tf.Scalar;
  }, xs);
  value.dispose();
  return { dW: grads[0], db: grads[1], dbPrime: grads[2] } as LayerGradients;
}

export function unusedHandDerivation(x: tf.Tensor2D, layer: Layer, hyper: Hyper): LayerGradients {`,
      },
    ],
    loses: ['layerGradients'],
  },
];

/** Correct implementations written differently from the reference: they must get 100. */
export const alternatives: Variant[] = [
  {
    name: 'reconstruction-as-sum-over-2n',
    description: 'the reconstruction term as tf.sum(tf.square(d)) / (2n), computed as sum then scalar division in one expression',
    edits: [{ find: 'tf.sum(tf.square(tf.sub(decode(h, layer), x))).div(2 * n)', replace: 'tf.div(tf.sum(tf.square(tf.sub(decode(h, layer), x))), tf.scalar(2 * n))' }],
    loses: [],
  },
  {
    name: 'reconstruction-as-half-mean-of-row-sums',
    description: 'the reconstruction term as 0.5 * mean(sum(d^2, 1))',
    edits: [{ find: 'tf.sum(tf.square(tf.sub(decode(h, layer), x))).div(2 * n)', replace: 'tf.mean(tf.sum(tf.square(tf.sub(decode(h, layer), x)), 1)).mul(0.5)' }],
    loses: [],
  },
  {
    name: 'gradients-as-one-fused-expression',
    description: 'dW written as one expression with the deltas inlined, and the 1/n applied at the end (UFLDL style)',
    edits: [
      {
        find: `    const dOut = tf.mul(tf.sub(xhat, x).div(n), tf.mul(xhat, tf.sub(1, xhat)));`,
        replace: `    const dOutSum = tf.mul(tf.sub(xhat, x), tf.mul(xhat, tf.sub(1, xhat)));
    const dOut = dOutSum.div(n);`,
      },
      {
        find: 'dW: encoderPath.add(decoderPath).add(tf.mul(layer.W, lambda)) as tf.Tensor2D,',
        replace: `dW: tf.add(
        tf.div(
          tf.add(
            tf.matMul(tf.transpose(x), tf.mul(tf.add(tf.matMul(dOutSum, layer.W), dSparsity.mul(n)), tf.mul(h, tf.sub(1, h)))),
            tf.matMul(tf.transpose(dOutSum), h),
          ),
          n,
        ),
        tf.mul(lambda, layer.W),
      ) as tf.Tensor2D,`,
      },
    ],
    loses: [],
  },
  {
    name: 'float64-loops-over-rows',
    description: 'layerLoss and layerGradients as loops over rows on dataSync arrays, accumulating in float64',
    edits: [
      {
        find: `  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  const loss = tf.tidy(() => {`,
        replace: `  const r = rowLoops(x, layer, hyper);
  return r.loss;
  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  const loss = tf.tidy(() => {`,
      },
      {
        find: `  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  return tf.tidy(() => {
    const h = encode(x, layer);
    const xhat = decode(h, layer);`,
        replace: `  const r = rowLoops(x, layer, hyper);
  return {
    dW: tf.tensor2d(r.dW, layer.W.shape as [number, number]),
    db: tf.tensor1d(r.db),
    dbPrime: tf.tensor1d(r.dbPrime),
  };
  const { lambda, beta, rho } = hyper;
  const n = x.shape[0];
  return tf.tidy(() => {
    const h = encode(x, layer);
    const xhat = decode(h, layer);`,
      },
      {
        find: '/** The codes `h = sigmoid(x W + b)`, shape [n,dh]. */',
        replace: `const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/** The loss and its gradients in float64, one row at a time. */
function rowLoops(x: tf.Tensor2D, layer: Layer, hyper: Hyper) {
  const { lambda, beta, rho } = hyper;
  const [n, din] = x.shape;
  const dh = layer.W.shape[1];
  const X = Float64Array.from(x.dataSync());
  const W = Float64Array.from(layer.W.dataSync());
  const b = layer.b.dataSync();
  const bp = layer.bPrime.dataSync();
  const H = new Float64Array(n * dh);
  const rhohat = new Float64Array(dh);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dh; j++) {
      let a = b[j];
      for (let k = 0; k < din; k++) a += X[i * din + k] * W[k * dh + j];
      H[i * dh + j] = sigmoid(a);
      rhohat[j] += H[i * dh + j] / n;
    }
  }
  const dW = new Float64Array(din * dh);
  const db = new Float64Array(dh);
  const dbPrime = new Float64Array(din);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const dOut = new Float64Array(din);
    for (let k = 0; k < din; k++) {
      let a = bp[k];
      for (let j = 0; j < dh; j++) a += H[i * dh + j] * W[k * dh + j];
      const xhat = sigmoid(a);
      const diff = xhat - X[i * din + k];
      loss += (diff * diff) / (2 * n);
      dOut[k] = (diff / n) * xhat * (1 - xhat);
      dbPrime[k] += dOut[k];
    }
    for (let j = 0; j < dh; j++) {
      const h = H[i * dh + j];
      let back = (beta / n) * (-rho / rhohat[j] + (1 - rho) / (1 - rhohat[j]));
      for (let k = 0; k < din; k++) back += dOut[k] * W[k * dh + j];
      const dHidden = back * h * (1 - h);
      db[j] += dHidden;
      for (let k = 0; k < din; k++) dW[k * dh + j] += X[i * din + k] * dHidden + dOut[k] * h;
    }
  }
  for (let p = 0; p < din * dh; p++) {
    loss += (lambda / 2) * W[p] * W[p];
    dW[p] += lambda * W[p];
  }
  for (let j = 0; j < dh; j++) loss += beta * (rho * Math.log(rho / rhohat[j]) + (1 - rho) * Math.log((1 - rho) / (1 - rhohat[j])));
  return { loss, dW: Float32Array.from(dW), db: Float32Array.from(db), dbPrime: Float32Array.from(dbPrime) };
}

/** The codes \`h = sigmoid(x W + b)\`, shape [n,dh]. */`,
      },
    ],
    loses: [],
  },
  {
    name: 'variables-updated-with-assign',
    description: 'greedyPretrain holds each layer in tf.Variables and updates them in place with assign',
    edits: [
      {
        find: `    let layer: Layer = tf.tidy(() => ({ W: layer0.W.clone(), b: layer0.b.clone(), bPrime: layer0.bPrime.clone() }));
    for (let s = 0; s < steps; s++) {
      const g = layerGradients(input, layer, hyper);
      const next: Layer = tf.tidy(() => ({
        W: tf.sub(layer.W, tf.mul(g.dW, lr)),
        b: tf.sub(layer.b, tf.mul(g.db, lr)),
        bPrime: tf.sub(layer.bPrime, tf.mul(g.dbPrime, lr)),
      }));
      tf.dispose([layer, g]);
      layer = next;
    }`,
        replace: `    const vars = { W: tf.variable(layer0.W), b: tf.variable(layer0.b), bPrime: tf.variable(layer0.bPrime) };
    for (let s = 0; s < steps; s++) {
      const g = layerGradients(input, vars as unknown as Layer, hyper);
      tf.tidy(() => {
        vars.W.assign(tf.sub(vars.W, tf.mul(g.dW, lr)));
        vars.b.assign(tf.sub(vars.b, tf.mul(g.db, lr)));
        vars.bPrime.assign(tf.sub(vars.bPrime, tf.mul(g.dbPrime, lr)));
      });
      tf.dispose(g);
    }
    const layer: Layer = { W: vars.W.clone(), b: vars.b.clone(), bPrime: vars.bPrime.clone() };
    tf.dispose([vars.W, vars.b, vars.bPrime]);`,
      },
    ],
    loses: [],
  },
];
