import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { disagreement, randomSource, runOn } from '../support/backends.ts';

/**
 * The ops the reference solutions and usual student code of the seven
 * assignments use (spec/assignments.md), run on wasm (with our kernels) and
 * on cpu, the backend the fixtures come from: each must agree within float32
 * noise. A new assignment's ops belong here.
 */
const r = randomSource('audit');
const A = r.values(12 * 7);
const B = r.values(7 * 5);
const BIG = r.values(64 * 64).map((v) => v * 300);
const LABELS = Array.from({ length: 40 }, () => r.int(0, 5));
const BYTES = Array.from({ length: 1 << 16 }, () => r.int(0, 255));
const IMG = r.values(2 * 8 * 8 * 3);
const FILTER7 = r.values(7 * 7 * 3 * 6);
const TALL = r.values(8 * 4);
const a = () => tf.tensor2d(A, [12, 7]);
const b = () => tf.tensor2d(B, [7, 5]);
const big = () => tf.tensor2d(BIG, [64, 64]);
const labels = () => tf.tensor1d(LABELS, 'int32');
const img = () => tf.tensor4d(IMG, [2, 8, 8, 3]);
const filter7 = () => tf.tensor4d(FILTER7, [7, 7, 3, 6]);

const OPS: { [op: string]: () => tf.Tensor | tf.Tensor[] } = {
  // elementwise, float32 (hw3, hw4, hw5, hw7's activations and stable losses)
  'add sub mul div (broadcast)': () => [tf.add(a(), tf.ones([7])), tf.sub(a(), 1), tf.mul(a(), a()), tf.div(a(), tf.add(tf.abs(a()), 0.5))],
  'square sqrt exp log log1p': () => [tf.square(big()), tf.sqrt(tf.abs(big())), tf.exp(a()), tf.log(tf.abs(big()).add(1e-3)), tf.log1p(tf.abs(a()))],
  'sigmoid tanh relu': () => [tf.sigmoid(big()), tf.tanh(big()), tf.relu(a())],
  'softplus and -softplus(-x) at +-100': () => [tf.softplus(big()), tf.neg(tf.softplus(tf.neg(big())))],
  'logSigmoid (forward)': () => tf.logSigmoid(big()),
  'abs neg sign step floor': () => [tf.abs(a()), tf.neg(a()), tf.sign(a()), tf.step(a()), tf.floor(big())],
  'maximum minimum clipByValue pow': () => [tf.maximum(a(), 0), tf.minimum(a(), 0.1), tf.clipByValue(big(), -10, 10), tf.pow(tf.abs(a()), 1.5)],
  // reductions (hw1 objectives, hw3 log-sum-exp, hw5 ELBO, hw6 bits per dim)
  'sum mean max min over axes': () => [tf.sum(big()), tf.sum(a(), 0), tf.mean(a(), 1), tf.max(a(), 1), tf.min(a(), 0)],
  'logSumExp (hw3, hw5 IWAE)': () => [tf.logSumExp(big(), 1), tf.logSumExp(a())],
  'softmax logSoftmax (hw6)': () => [tf.softmax(big()), tf.logSoftmax(a())],
  'norm euclidean': () => [tf.norm(a()), tf.norm(a(), 'euclidean', 1)],
  'argMax argMin (hw1, hw2)': () => [tf.argMax(a(), 1), tf.argMin(a(), 1), tf.argMax(tf.abs(a()), 0)],
  'cumsum float32 and int32 (hw1 k-means++, hw6 sampling)': () => [tf.cumsum(a(), 1), tf.cumsum(labels())],
  'topk values and indices': () => {
    const t = tf.topk(a(), 3);
    return [t.values, t.indices];
  },
  // linear algebra (hw2, hw4 tied weights, every dense gradient)
  'matMul plain and transposed': () => [tf.matMul(a(), b()), tf.matMul(a(), a(), true, false), tf.matMul(a(), a(), false, true), tf.matMul(b(), a(), true, true)],
  'batched matMul (hw5 IWAE samples)': () => tf.matMul(tf.stack([a(), a()]), tf.stack([b(), b()])),
  'transpose eye diag': () => [tf.transpose(a()), tf.eye(5, 3), tf.diag(tf.tensor1d([1, 2, 3]))],
  'linalg.qr (hw2)': () => tf.linalg.qr(tf.tensor2d(TALL, [8, 4])),
  // indexing and shapes
  'gather, batchDims 0 and 1 (hw2 sign rule)': () => [tf.gather(a(), tf.tensor1d([3, 0, 3], 'int32')), tf.gather(a(), tf.tensor2d([[1], [6], [0], [2], [5], [4], [3], [1], [0], [6], [2], [2]], undefined, 'int32'), 1, 1)],
  'oneHot (hw1 centers, hw6 NLL)': () => [tf.oneHot(labels(), 6), tf.oneHot(tf.tensor1d([0, 1, 1], 'int32'), 2)],
  'where equal less greater': () => [tf.where(tf.greater(a(), 0), a(), tf.zerosLike(a())), tf.equal(labels(), 3), tf.less(a(), 0.2)],
  'slice concat stack unstack tile pad reverse': () => [tf.slice(a(), [1, 2], [4, 3]), tf.concat([a(), a()], 1), tf.stack([b(), b()], 2), ...tf.unstack(b()), tf.tile(b(), [2, 1]), tf.pad(b(), [[1, 2], [0, 1]]), tf.reverse(a(), 1)],
  'expandDims reshape squeeze range linspace': () => [tf.expandDims(a(), 1), tf.reshape(a(), [7, 12]), tf.squeeze(tf.ones([1, 3, 1])), tf.range(0, 10, 3), tf.linspace(0, 1, 7)],
  // int32 arithmetic (labels, counts, pixel levels; tensorflow/tfjs#5641)
  'int32 sum of 65536 bytes (tensorflow/tfjs#5641)': () => [tf.sum(tf.tensor1d(BYTES, 'int32')), tf.sum(tf.tensor1d(BYTES, 'int32').reshape([256, 256]), 0)],
  'int32 add sub mul floorDiv mod': () => {
    const x = labels();
    const four = tf.scalar(4, 'int32');
    return [tf.add(x, 7), tf.sub(x, tf.scalar(3, 'int32')), tf.mul(x, x), tf.floorDiv(x, four), tf.mod(x, four)];
  },
  'floorDiv of float32 is int32, as on cpu (hw6 pixel levels)': () => [tf.floorDiv(tf.mul(tf.abs(a()), 255), 16), tf.floorDiv(tf.add(labels(), 11), 4)],
  'int32 max min abs neg, cast to float32 and back': () => {
    const x = tf.sub(labels(), 2);
    return [tf.max(x), tf.min(x), tf.abs(x), tf.neg(x), tf.cast(x, 'float32'), tf.cast(tf.mul(a(), 10), 'int32')];
  },
  'int32 bincount by oneHot sum (hw1 cluster sizes)': () => tf.sum(tf.oneHot(labels(), 6), 0),
  // convolution (hw6)
  "conv2d 7x7 'same' and 1x1, stride 1 (hw6 masked convs)": () => [tf.conv2d(img(), filter7(), 1, 'same'), tf.conv2d(img(), tf.ones([1, 1, 3, 2]), 1, 'same')],
  "conv2d stride 2 'same' and 'valid'": () => [tf.conv2d(img(), filter7(), 2, 'same'), tf.conv2d(img(), filter7(), 2, 'valid')],
  // gradients (hw5 and hw7 train with tf.grad and optimizers; hw6's dependency check)
  'grad through sigmoid softplus logSumExp matMul (a dense layer)': () => tf.grads((w: tf.Tensor, x: tf.Tensor) => tf.logSumExp(tf.softplus(tf.sigmoid(tf.matMul(x, w)))))([b(), a()]),
  'grad of -softplus(-x) (the working logSigmoid)': () => tf.grad((x: tf.Tensor) => tf.sum(tf.neg(tf.softplus(tf.neg(x)))))(big()),
  'grad of conv2d w.r.t. input and filters (hw6)': () => tf.grads((x: tf.Tensor, f: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'))))([img(), filter7()]),
  'grad of softmax cross-entropy (hw6 bits per dim)': () => tf.grad((l: tf.Tensor) => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d([1, 0, 4, 2, 3, 1, 0, 4, 2, 3, 1, 0], 'int32'), 5), l))(tf.slice(a(), [0, 0], [12, 5])),
  'one Adam step on a dense layer (hw5, hw7)': () => {
    const w = tf.variable(b());
    const opt = tf.train.adam(0.01);
    opt.minimize(() => tf.mean(tf.square(tf.matMul(a(), w))) as tf.Scalar);
    const out = w.clone();
    opt.dispose();
    w.dispose();
    return out;
  },
  // seeded randomness (hw3, hw5, hw7 draw their own noise)
  'seeded randomUniform randomNormal truncatedNormal': () => [tf.randomUniform([20, 4], 0, 1, 'float32', 7), tf.randomNormal([20, 4], 0, 1, 'float32', 8), tf.truncatedNormal([20, 4], 0, 1, 'float32', 9)],
};

/**
 * Where wasm has no kernel and we have not written one: these throw on wasm
 * and the cpu re-run grades them (grader/run/recheck-on-cpu.ts). When one
 * starts to work, move it to OPS.
 */
const KNOWN_GAPS: { [op: string]: { run: () => tf.Tensor | tf.Tensor[]; kernel: string } } = {
  'grad of gather (UnsortedSegmentSum)': { run: () => tf.grad((x: tf.Tensor) => tf.sum(tf.gather(x, tf.tensor1d([0, 2, 2], 'int32'))))(a()), kernel: 'UnsortedSegmentSum' },
  einsum: { run: () => tf.einsum('ij,jk->ik', a(), b()), kernel: 'Einsum' },
};

describe('wasm agrees with cpu on the ops the assignments use', () => {
  for (const [op, run] of Object.entries(OPS)) {
    it(op, async () => {
      const [wasm, cpu] = [await runOn('wasm', run), await runOn('cpu', run)];
      expect(disagreement(wasm, cpu)).toBe('');
    });
  }
});

describe('known wasm gaps (left to the cpu re-run)', () => {
  for (const [op, gap] of Object.entries(KNOWN_GAPS)) {
    it(`${op} throws on wasm, naming the missing kernel, and works on cpu`, async () => {
      await expect(runOn('wasm', gap.run)).rejects.toThrow(`Kernel '${gap.kernel}' not registered for backend 'wasm'`);
      expect((await runOn('cpu', gap.run)).length).toBeGreaterThan(0);
    });
  }
});
