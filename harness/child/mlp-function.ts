import type * as tfjs from '@tensorflow/tfjs';
import type { MlpOutput } from '../protocol/values.ts';

type Gaussian = { mu: tfjs.Tensor2D; logVar: tfjs.Tensor2D };

export type MlpFunction = (x: tfjs.Tensor2D) => tfjs.Tensor2D | Gaussian;

/**
 * The function an `mlp-function` argument stands for: `x => mlpForward({W, b}, x)`
 * (ReLU after every layer but the last), with a `gaussian` output's `2m`
 * columns split into `{mu, logVar}`. The weights live only in this closure, so
 * the student sees the function the spec gives them and nothing more. It runs
 * during the student's call, after student code may have replaced Array
 * methods and iterators: index loops and indexing only (see primordials.ts).
 * The shapes were checked when the argument was decoded (codec.ts: mlpShapeProblem).
 */
export function makeMlpFunction(tf: typeof tfjs, W: tfjs.Tensor[], b: tfjs.Tensor[], output: MlpOutput): MlpFunction {
  const layers = W.length;
  const forward = (x: tfjs.Tensor2D): tfjs.Tensor2D => {
    let h = x;
    for (let i = 0; i < layers; i++) {
      const a = tf.add(tf.matMul(h, W[i]), b[i]) as tfjs.Tensor2D;
      h = i < layers - 1 ? (tf.relu(a) as tfjs.Tensor2D) : a;
    }
    return h;
  };
  return (x) =>
    tf.tidy(() => {
      const y = forward(x);
      if (output === 'tensor') return y;
      const halves = tf.split(y, 2, 1) as tfjs.Tensor2D[];
      return { mu: halves[0], logVar: halves[1] };
    });
}
