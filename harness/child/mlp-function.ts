import type * as tfjs from '@tensorflow/tfjs';
import type { MlpOutput } from '../protocol/values.ts';

type Gaussian = { mu: tfjs.Tensor2D; logVar: tfjs.Tensor2D };

export type MlpFunction = (x: tfjs.Tensor2D) => tfjs.Tensor2D | Gaussian;

/**
 * The function an `mlp-function` argument stands for: `x => mlpForward({W, b}, x)`
 * (ReLU after every layer but the last), with a `gaussian` output's `2m`
 * columns split into `{mu, logVar}`. The weights live only in this closure, so
 * the student sees the function the spec gives them and nothing more.
 */
export function makeMlpFunction(tf: typeof tfjs, W: tfjs.Tensor[], b: tfjs.Tensor[], output: MlpOutput): MlpFunction {
  const forward = (x: tfjs.Tensor2D): tfjs.Tensor2D =>
    W.reduce((h: tfjs.Tensor2D, w, i) => {
      const a = tf.add(tf.matMul(h, w), b[i]) as tfjs.Tensor2D;
      return i < W.length - 1 ? (tf.relu(a) as tfjs.Tensor2D) : a;
    }, x);
  return (x) =>
    tf.tidy(() => {
      const y = forward(x);
      if (output === 'tensor') return y;
      const [mu, logVar] = tf.split(y, 2, 1) as tfjs.Tensor2D[];
      return { mu, logVar };
    });
}
