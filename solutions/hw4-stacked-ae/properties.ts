import type * as tfjs from '@tensorflow/tfjs';
import {
  defineProperty,
  isClose,
  isTensor,
  type CaseValue,
  type Diagnosis,
  type DiagnosisTable,
  type PropertyContext,
  type PropertyTable,
  type Tolerance,
} from '../../grader/staff/api.ts';
import { autodiffGradients, lossTensor, tiedWeightPaths, type LossVariant } from './autodiff.ts';
import { decode, encode, greedyPretrain, type Hyper, type Layer, type LayerGradients } from './stacked_ae.ts';

type Tensor = tfjs.Tensor;
type PretrainArgs = [tfjs.Tensor2D, Layer[], Hyper, number, number];

const KEYS = ['W', 'b', 'bPrime'] as const;
const GRAD_KEYS = ['dW', 'db', 'dbPrime'] as const;

/** The failed check's tolerance: a diagnosis compares with the same rule. */
const toleranceOf = (ctx: PropertyContext): Tolerance => {
  if (!ctx.tolerance) throw new Error('hw4: the check names no tolerance');
  return ctx.tolerance;
};

/** What each loss misreading looks like, in the student's words. */
const LOSS_BUGS: [LossVariant, string][] = [
  ['decayFullLambda', 'the weight decay is lambda * sum W^2: the spec has (lambda/2) sum W^2'],
  ['decayOnBiases', 'the weight decay includes the biases: it is (lambda/2) sum W^2, over W only'],
  ['klReversed', 'the KL divergence is reversed: it is KL(rho || rhohat_j) = rho log(rho/rhohat_j) + (1-rho) log((1-rho)/(1-rhohat_j))'],
  ['rhohatPerExample', "the sparsity penalty uses each example's code instead of rhohat_j = mean_i h_ij, the mean over the batch"],
  ['noSparsity', 'the sparsity term beta sum_j KL(rho || rhohat_j) is missing'],
];

const diagnoseLoss: Diagnosis = (actual, ctx) => {
  if (typeof actual !== 'number') return 'layerLoss returns a plain number';
  if (!Number.isFinite(actual)) return 'NaN or Infinity: is rho or 1 - rho divided by a code mean of 0 or 1? (the graded cases keep every rhohat_j inside (0, 1))';
  const { tf } = ctx;
  const [x, layer, hyper] = ctx.args as [Tensor, Layer, Hyper];
  const t = toleranceOf(ctx);
  for (const [variant, hint] of LOSS_BUGS) {
    const loss = lossTensor(tf, x, layer, hyper, variant);
    const hit = isClose(actual, loss, t);
    loss.dispose();
    if (hit) return hint;
  }
  return 'check each term on its own: (1/(2n)) sum_i ||xhat_i - x_i||^2 (a sum over features, a mean over rows, halved), (lambda/2) sum W^2, beta sum_j KL(rho || rhohat_j)';
};

/** Known hand-derivation bugs the gradients can match, each recomputed on the case's inputs. */
function gradientBugs(tf: typeof tfjs, x: Tensor, layer: Layer, hyper: Hyper): [() => LayerGradients, string][] {
  const withDW = (dW: Tensor): LayerGradients => {
    const g = autodiffGradients(tf, x, layer, hyper);
    g.dW.dispose();
    return { ...g, dW } as LayerGradients;
  };
  const onePath = (path: 'encoder' | 'decoder') =>
    tf.tidy(() => withDW(tf.add(tiedWeightPaths(tf, x, layer, hyper)[path], tf.mul(layer.W, hyper.lambda))));
  return [
    ...LOSS_BUGS.map(([variant, hint]): [() => LayerGradients, string] => [
      () => autodiffGradients(tf, x, layer, hyper, variant),
      variant === 'noSparsity' ? 'the gradients miss the sparsity term: add beta (-rho/rhohat_j + (1-rho)/(1-rhohat_j)) / n to d loss / d h_ij before the code sigmoid' : `these are the gradients of a loss where ${hint}`,
    ]),
    [() => onePath('encoder'), 'dW has only the encoder path (x^T delta_hidden): the tied W is also used by the decoder (h W^T), whose path delta_out^T h adds to dW'],
    [() => onePath('decoder'), 'dW has only the decoder path (delta_out^T h): the tied W is also used by the encoder (x W), whose path x^T delta_hidden adds to dW'],
  ];
}

/** Which hint fits when the gradients match no known bug. */
function partialHint(off: string[]): string {
  if (off.length === 1 && off[0] === 'dW') return 'db and dbPrime are right, dW is not: dW = x^T delta_hidden + delta_out^T h + lambda W (both paths of the tied weight, plus the decay)';
  if (!off.includes('dbPrime')) return 'dbPrime is right, so the output delta is: check the hidden delta (back through W, plus the sparsity term, times h (1 - h): the sigmoid derivative at its output h, not at the pre-activation)';
  return 'start from the output: delta_out = (xhat - x) / n * xhat (1 - xhat), and dbPrime = the column sums of delta_out';
}

const diagnoseGradients: Diagnosis = (actual, ctx) => {
  const got = actual as { [key: string]: CaseValue } | null;
  const [x, layer, hyper] = ctx.args as [Tensor, Layer, Hyper];
  const shapes = { dW: layer.W.shape, db: layer.b.shape, dbPrime: layer.bPrime.shape };
  if (typeof got !== 'object' || got === null || !GRAD_KEYS.every((k) => isTensor(got[k]) && (got[k] as Tensor).shape.join() === shapes[k].join())) {
    return 'layerGradients returns {dW, db, dbPrime} with the shapes of W, b and bPrime';
  }
  const { tf } = ctx;
  const t = toleranceOf(ctx);
  const student = got as unknown as LayerGradients;
  for (const [make, hint] of gradientBugs(tf, x, layer, hyper)) {
    const g = make();
    const hit = GRAD_KEYS.every((k) => isClose(student[k], g[k], t));
    tf.dispose(g);
    if (hit) return hint;
  }
  const expected = ctx.expected as unknown as LayerGradients;
  return partialHint(GRAD_KEYS.filter((k) => !isClose(student[k], expected[k], t)));
};

/** The student's trained layers, or why they cannot be judged. */
function asLayers(actual: CaseValue, layers0: Layer[]): Layer[] | string {
  if (!Array.isArray(actual) || actual.length !== layers0.length) return `greedyPretrain returns an array of ${layers0.length} layers, one per layer of layers0`;
  for (const [k, layer] of actual.entries()) {
    const l = layer as { [key: string]: CaseValue } | null;
    if (typeof l !== 'object' || l === null) return `layer ${k} is not an object {W, b, bPrime}`;
    for (const key of KEYS) {
      const v = l[key];
      if (!isTensor(v) || v.shape.join() !== layers0[k][key].shape.join()) return `layer ${k}'s ${key} is not a tensor of shape [${layers0[k][key].shape}]`;
      if (Array.from(v.dataSync()).some((y) => !Number.isFinite(y))) return `layer ${k}'s ${key} holds NaN or Infinity`;
    }
  }
  return actual as unknown as Layer[];
}

/** How a message names the trained layers below layer `k > 0`. */
const trainedBelow = (k: number): string => (k === 1 ? 'your trained layer 0' : `your trained layers 0..${k - 1}`);

/** `steps` reference gradient-descent steps of `layer0` on `input`. */
const trainOn = (input: tfjs.Tensor2D, layer0: Layer, [, , hyper, steps, lr]: PretrainArgs): Layer => greedyPretrain(input, [layer0], hyper, steps, lr)[0];

/** True when `layer` is what training `layer0` on `input` gives, under tolerance `t`. */
function trainedFrom(tf: typeof tfjs, input: tfjs.Tensor2D, layer: Layer, layer0: Layer, args: PretrainArgs, t: Tolerance): boolean {
  if (input.shape[1] !== layer0.W.shape[0]) return false;
  const expected = trainOn(input, layer0, args);
  const hit = KEYS.every((key) => isClose(layer[key], expected[key], t));
  tf.dispose(expected);
  return hit;
}

/**
 * Walks up the student's stack: the first layer that is not `steps` steps of
 * training on the codes of the student's own trained layers below it, or -1.
 * `inputs[k]` holds those codes (inputs[0] = X).
 */
function firstMistrained(tf: typeof tfjs, layers: Layer[], args: PretrainArgs, t: Tolerance): { k: number; inputs: tfjs.Tensor2D[] } {
  const [X, layers0] = args;
  const inputs = [X];
  for (let k = 0; k < layers.length; k++) {
    if (!trainedFrom(tf, inputs[k], layers[k], layers0[k], args, t)) return { k, inputs };
    inputs.push(encode(inputs[k], layers[k]));
  }
  return { k: -1, inputs };
}

/** Graded properties of hw4, judged in the grader's process from what the student's process returned. */
export const properties: PropertyTable = {
  /** Every returned layer k is `steps` gradient-descent steps from `layers0[k]` on the codes of the returned layers 0..k-1. */
  trainedOnCodesBelow: defineProperty<Record<string, never>>({
    options: { type: 'object', required: [], additionalProperties: false },
    judge: (actual, ctx) => {
      const args = ctx.args as PretrainArgs;
      const layers = asLayers(actual, args[1]);
      if (typeof layers === 'string') return { pass: false, message: layers };
      const { k } = firstMistrained(ctx.tf, layers, args, toleranceOf(ctx));
      if (k < 0) return { pass: true, message: 'each layer k was trained on the codes of the trained layers 0..k-1' };
      const on = k === 0 ? 'X' : `the codes of ${trainedBelow(k)}`;
      return { pass: false, message: `layer ${k} is not ${args[3]} gradient-descent steps from layers0[${k}] on ${on}` };
    },
  }),
};

/** The wrong input layer k was trained on, among the usual ones, or a pointer to the gradients. */
const diagnosePretrain: Diagnosis = (actual, ctx) => {
  const args = ctx.args as PretrainArgs;
  const layers = asLayers(actual, args[1]);
  if (typeof layers === 'string') return layers;
  const { tf } = ctx;
  const t = toleranceOf(ctx);
  const { k, inputs } = firstMistrained(tf, layers, args, t);
  if (k < 0) return undefined;
  if (k === 0) return 'layer 0 is not the result of training on X: check layerGradients (its public cases) and the update p <- p - lr * grad, steps times from layers0[0]';
  const [X, layers0] = args;
  const below = layers[k - 1];
  const candidates: [() => tfjs.Tensor2D, string][] = [
    [() => X.clone(), `layer ${k} was trained on the raw data X: train layer k on the codes of the trained layers 0..k-1`],
    [() => layers0.slice(0, k).reduce((h, l) => encode(h, l), X), `layer ${k} was trained on the codes of the untrained layers0: encode with each layer after training it`],
    [() => decode(encode(inputs[k - 1], below), below), `layer ${k} was trained on layer ${k - 1}'s reconstructions: it learns from the codes h = encode(input, layer), not from decode(h)`],
  ];
  for (const [make, hint] of candidates) {
    const input = make();
    const hit = trainedFrom(tf, input, layers[k], layers0[k], args, t);
    input.dispose();
    if (hit) return hint;
  }
  return `layer ${k} is not the result of training on the codes of ${trainedBelow(k)}, nor on X, the untrained codes or reconstructions`;
};

const diagnoseStack: Diagnosis = (actual, ctx) => {
  const [X, layers] = ctx.args as [tfjs.Tensor2D, Layer[]];
  const { tf } = ctx;
  const last = layers[layers.length - 1];
  const linear = tf.tidy(() => tf.add(tf.matMul(layers.slice(0, -1).reduce((h, l) => encode(h, l), X), last.W), last.b));
  const hit = isClose(actual as Tensor, linear, toleranceOf(ctx));
  linear.dispose();
  return hit ? 'the last layer is left linear: every layer, the last included, applies the sigmoid' : undefined;
};

/** When a case fails: which known bug its output matches, recomputed on the case's own inputs. */
export const diagnoses: DiagnosisTable = {
  layerLoss: diagnoseLoss,
  layerGradients: diagnoseGradients,
  greedyPretrain: diagnosePretrain,
  encodeStack: diagnoseStack,
};
