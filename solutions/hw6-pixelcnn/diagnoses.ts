/** hw6's diagnoses: when a case fails, a picture of the wrong mask, or the known bug the output matches, recomputed on the case's inputs. */
import type * as tfjs from '@tensorflow/tfjs';
import { isClose, isTensor, type Diagnosis, type DiagnosisTable, type Tolerance } from '../../grader/staff/api.ts';
import { drawMaskDifference } from './mask-picture.ts';
import { createMask, maskedConv2d, type PixelCnn } from './pixelcnn.ts';
import { position } from './raster-names.ts';
import { inverseCdf, replaySample, type Order, type PickLevel } from './replay.ts';

type Tensor = tfjs.Tensor;

/** The failed check's tolerance: a diagnosis compares with the same rule. */
const toleranceOf = (tolerance: Tolerance | undefined): Tolerance => {
  if (!tolerance) throw new Error('hw6: the check names no tolerance');
  return tolerance;
};

/** Draws the first wrong (in, out) channel pair of a mask, expected beside returned. */
const diagnoseMask: Diagnosis = (actual, ctx) => {
  const expected = ctx.expected as Tensor;
  if (!isTensor(actual) || actual.shape.join() !== expected.shape.join()) return undefined;
  const [, , , , type, groups] = ctx.args as [number, number, number, number, 'A' | 'B', 1 | 3];
  const picture = drawMaskDifference(actual.dataSync(), expected.dataSync(), expected.shape, type, groups);
  return picture ?? 'the values are right: return them as a float32 tensor of 0 and 1 (multiplying float32 filters by it needs float32)';
};

/** The reference forward pass with one known deviation from the spec. */
const forwardVariant = (tf: typeof tfjs, x: tfjs.Tensor4D, net: PixelCnn, variant: 'firstTypeB' | 'reluLast' | 'levelsFirst'): Tensor =>
  tf.tidy(() => {
    const [n, H, W, C] = x.shape;
    const last = net.layers.length - 1;
    let h = x;
    net.layers.forEach(({ filters, bias }, l) => {
      const [kh, kw, inC, outC] = filters.shape;
      const type = l === 0 && variant !== 'firstTypeB' ? 'A' : 'B';
      const y = maskedConv2d(h, filters, bias, createMask(kh, kw, inC, outC, type, net.groups));
      h = l === last && variant !== 'reluLast' ? y : tf.relu(y);
    });
    const K = h.shape[3] / C;
    if (variant !== 'levelsFirst') return tf.reshape(h, [n, H, W, C, K]);
    return tf.transpose(tf.reshape(h, [n, H, W, K, C]), [0, 1, 2, 4, 3]);
  });

const FORWARD_BUGS = [
  ['firstTypeB', 'the logits are those of a net whose layer 0 is type B: layer 0 is type A (it must not see the value it predicts), later layers type B'],
  ['reluLast', 'the logits are those of a net with a ReLU after the last layer too: the last layer is linear (logits can be negative)'],
  ['levelsFirst', "the logits are the expected ones laid out as [.., K, C] and transposed: channel c's K logits are the contiguous output channels c*K .. c*K+K-1, so reshape to [n, H, W, C, K] directly"],
] as const;

/** Names the known forward-pass bug the student's logits match. */
const diagnoseForward: Diagnosis = (actual, ctx) => {
  const expected = ctx.expected as Tensor;
  if (!isTensor(actual) || actual.shape.join() !== expected.shape.join()) return undefined;
  const [x, net] = ctx.args as [tfjs.Tensor4D, PixelCnn];
  for (const [variant, hint] of FORWARD_BUGS) {
    const candidate = forwardVariant(ctx.tf, x, net, variant);
    const hit = isClose(actual, candidate, toleranceOf(ctx.tolerance));
    candidate.dispose();
    if (hit) return hint;
  }
  return undefined;
};

const AXES = ['images', 'rows', 'columns', 'channels'];

/** Bits per dimension with the softmax normalised over `axis` instead of the K levels. */
const bitsNormalisedOver = (tf: typeof tfjs, logits: tfjs.Tensor5D, x: tfjs.Tensor4D, axis: number): number =>
  tf.tidy(() => {
    const logp = tf.sub(logits, tf.logSumExp(logits, axis, true));
    return -tf.mean(tf.sum(tf.mul(tf.oneHot(x, logits.shape[4]), logp), -1)).dataSync()[0] / Math.LN2;
  });

/** Names the known bitsPerDim bug the student's number matches. */
const diagnoseBits: Diagnosis = (actual, ctx) => {
  if (typeof actual !== 'number') return undefined;
  if (!Number.isFinite(actual)) return 'not finite: a probability underflowed to 0 before its log; use tf.logSoftmax (or log-sum-exp) rather than log(softmax)';
  const expected = ctx.expected as number;
  const [logits, x] = ctx.args as [tfjs.Tensor5D, tfjs.Tensor4D];
  const [n, , , C] = x.shape;
  const t = toleranceOf(ctx.tolerance);
  if (isClose(actual, expected * Math.LN2, t)) return 'the value is in nats: divide by ln 2 for bits';
  if (n * C > 1 && isClose(actual, expected * n * C, t)) return `the value is ${n * C} = n*C times too large: the mean runs over all n*H*W*C dimensions, not over the H*W pixels only`;
  const axis = AXES.findIndex((_, a) => isClose(actual, bitsNormalisedOver(ctx.tf, logits, x, a), t));
  if (axis >= 0) return `the softmax is normalised over the ${AXES[axis]} (axis ${axis}): normalise over the K levels, the last axis`;
  return undefined;
};

/** Names the known maskedConv2d bug the student's output matches. */
const diagnoseMaskedConv: Diagnosis = (actual, ctx) => {
  const [x, filters, bias, mask] = ctx.args as [tfjs.Tensor4D, tfjs.Tensor4D, tfjs.Tensor1D, tfjs.Tensor4D];
  const { tf } = ctx;
  if (!isTensor(actual)) return undefined;
  const candidates: [() => Tensor, string][] = [
    [() => tf.add(tf.conv2d(x, filters, 1, 'same'), bias), 'the output is the convolution with the raw filters: multiply the filters by the mask first'],
    [() => tf.conv2d(x, tf.mul(filters, mask) as tfjs.Tensor4D, 1, 'same'), 'the bias is missing: add bias[o] to output channel o'],
  ];
  for (const [make, hint] of candidates) {
    const candidate = tf.tidy(make);
    const hit = candidate.shape.join() === actual.shape.join() && isClose(actual, candidate, toleranceOf(ctx.tolerance));
    candidate.dispose();
    if (hit) return hint;
  }
  return undefined;
};

/** Replays sampling with the reference net and a picking rule, and says whether the student's levels follow it all the way. */
const follows = (tf: typeof tfjs, net: PixelCnn, shape: [number, number, number, number], K: number, order: Order, got: ArrayLike<number>, pick: (p: Float32Array, at: number) => number): boolean => {
  const follow: PickLevel = (p, at) => (pick(p, at) === got[at] ? got[at] : undefined);
  return replaySample(tf, net, shape, K, order, follow) !== undefined;
};

/** Names the known sampling bug the student's levels match, or the first step where they leave the reference. */
const diagnoseSample: Diagnosis = (actual, ctx) => {
  const expected = ctx.expected as Tensor;
  if (!isTensor(actual) || actual.shape.join() !== expected.shape.join()) return undefined;
  const [net, , , W, C, K, u] = ctx.args as [PixelCnn, number, number, number, number, number, Tensor];
  const shape = expected.shape as [number, number, number, number];
  const [got, want, draws] = [actual.dataSync(), expected.dataSync(), u.dataSync()];
  const argmax = (p: Float32Array) => p.indexOf(Math.max(...p));
  if (follows(ctx.tf, net, shape, K, 'raster', got, argmax)) return 'every level is the most probable one: draw the smallest level whose cumulative probability exceeds u, not the argmax';
  if (follows(ctx.tf, net, shape, K, 'columns', got, (p, at) => inverseCdf(p, draws[at]))) return 'the pixels were sampled column by column: raster order is row by row, left to right in each row';
  const first = Array.from(want).findIndex((v, at) => v !== got[at]);
  const D = shape[1] * W * C;
  return (
    `the first level that differs, in raster order, is image ${Math.floor(first / D)} ${position(first % D, W, C)}: expected ${want[first]}, got ${got[first]} ` +
    `(u = ${draws[first].toPrecision(4)}); every level before it matches, so check that step: the forward pass on the levels so far scaled by 1/(K-1), the softmax over the K logits of that position, and the smallest level whose cumulative probability exceeds u`
  );
};

/** When a case fails: a picture of the wrong mask, or which known bug the output matches, recomputed on the case's own inputs. */
export const diagnoses: DiagnosisTable = {
  mask: diagnoseMask,
  forward: diagnoseForward,
  maskedConv2d: diagnoseMaskedConv,
  bitsPerDim: diagnoseBits,
  sample: diagnoseSample,
};
