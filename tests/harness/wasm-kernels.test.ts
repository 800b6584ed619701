import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { WASM_KERNEL_FIXES } from '../../harness/child/wasm-kernels/index.ts';
import { disagreement, prepareBackends, randomSource, runOn, shippedWasmKernel } from '../support/backends.ts';

/** Our wasm kernels against cpu (the backend the fixtures come from), on random shapes. */
const TRIALS = 25;

async function expectSameOnBoth(what: string, fn: () => tf.Tensor | tf.Tensor[]): Promise<void> {
  const [wasm, cpu] = [await runOn('wasm', fn), await runOn('cpu', fn)];
  expect(disagreement(wasm, cpu), what).toBe('');
}

type Pad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;

/** A random NHWC convolution; paddings cycle through every kind tfjs accepts. */
function randomConv(r: ReturnType<typeof randomSource>, t: number) {
  const [n, h, w, inC, outC] = [r.int(1, 3), r.int(3, 9), r.int(3, 9), r.int(1, 4), r.int(1, 4)];
  const fShape: [number, number, number, number] = [r.int(1, Math.min(5, h)), r.int(1, Math.min(5, w)), inC, outC];
  const xShape: [number, number, number, number] = [n, h, w, inC];
  const stride = r.int(1, 3);
  const explicit: tf.backend_util.ExplicitPadding = [[0, 0], [r.int(0, 2), r.int(0, 2)], [r.int(0, 2), r.int(0, 2)], [0, 0]];
  const pad: Pad = (['same', 'valid', explicit, r.int(0, 2)] as const)[t % 4];
  const what = `x [${xShape}], filter [${fShape}], stride ${stride}, pad ${JSON.stringify(pad)}`;
  return { xShape, fShape, stride, pad, what, x: r.values(n * h * w * inC), f: r.values(fShape.reduce((a, b) => a * b, 1)) };
}

describe('wasm kernel fixes', () => {
  it('are installed in the wasm backend', async () => {
    await prepareBackends();
    for (const fix of WASM_KERNEL_FIXES) expect(tf.getKernel(fix.kernelName, 'wasm'), fix.kernelName).toBeDefined();
  });

  it('GatherV2 with batchDims matches cpu (tensorflow/tfjs#8658), for float32 and int32', async () => {
    const r = randomSource('gather');
    for (let t = 0; t < TRIALS; t++) {
      const batchDims = r.int(0, 2);
      const rank = r.int(batchDims + 1, 4);
      const xShape = Array.from({ length: rank }, () => r.int(1, 4));
      const axis = r.int(batchDims, rank - 1);
      const idxShape = [...xShape.slice(0, batchDims), ...Array.from({ length: r.int(1, 2) }, () => r.int(1, 3))];
      const idx = Array.from({ length: idxShape.reduce((a, b) => a * b, 1) }, () => r.int(0, xShape[axis] - 1));
      const x = r.values(xShape.reduce((a, b) => a * b, 1));
      const dtype = t % 3 === 0 ? 'int32' : 'float32';
      const what = `gather x[${xShape}] ${dtype}, indices [${idxShape}], axis ${axis}, batchDims ${batchDims}`;
      await expectSameOnBoth(what, () => tf.gather(tf.tensor(x.map((v) => (dtype === 'int32' ? Math.round(v * 100) : v)), xShape, dtype), tf.tensor(idx, idxShape, 'int32'), axis, batchDims));
    }
  });

  it("the hw2 sign rule, tf.gather(Vt, idx, 1, 1), picks each row's own entry on wasm", async () => {
    const out = await runOn('wasm', () => tf.gather(tf.tensor2d([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]), tf.tensor2d([[0], [1], [2], [0]], undefined, 'int32'), 1, 1));
    expect(out[0].values).toEqual([1, 5, 9, 10]);
  });

  it("Conv2D matches cpu for every padding: 'same' with strides above the filter size, numeric pads that round up", async () => {
    const r = randomSource('conv-forward');
    for (let t = 0; t < TRIALS; t++) {
      const c = randomConv(r, t);
      await expectSameOnBoth(c.what, () => tf.conv2d(tf.tensor4d(c.x, c.xShape), tf.tensor4d(c.f, c.fShape), c.stride, c.pad));
    }
  });

  it('Conv2DBackpropFilter (tf.grad of conv2d with respect to its filters, and its input) matches cpu', async () => {
    const r = randomSource('conv-grads');
    for (let t = 0; t < TRIALS; t++) {
      const c = randomConv(r, t);
      await expectSameOnBoth(c.what, () => {
        const loss = (x: tf.Tensor, f: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad).square().sum();
        return tf.grads(loss)([tf.tensor4d(c.x, c.xShape), tf.tensor4d(c.f, c.fShape)]);
      });
    }
  });

  it('BatchMatMul with transposeA / transposeB matches cpu', async () => {
    const r = randomSource('matmul-transposed');
    for (let t = 0; t < TRIALS; t++) {
      const [transposeA, transposeB] = [t % 2 === 1, t % 4 >= 2];
      const [batch, m, k, n] = [r.int(1, 3), r.int(1, 40), r.int(1, 40), r.int(1, 40)];
      const rank3 = t % 3 === 0;
      const lead = rank3 ? [batch] : [];
      const aShape = [...lead, ...(transposeA ? [k, m] : [m, k])];
      const bShape = [...(rank3 && t % 2 ? [1] : lead), ...(transposeB ? [n, k] : [k, n])];
      const [a, b] = [r.values(aShape.reduce((p, q) => p * q, 1)), r.values(bShape.reduce((p, q) => p * q, 1))];
      const what = `matMul a[${aShape}] b[${bShape}] transposeA ${transposeA} transposeB ${transposeB}`;
      await expectSameOnBoth(what, () => tf.matMul(tf.tensor(a, aShape), tf.tensor(b, bShape), transposeA, transposeB));
    }
  });

  it('free their intermediates: repeated calls leave no wasm memory behind', async () => {
    await prepareBackends();
    await tf.setBackend('wasm');
    const step = () =>
      tf.tidy(() => {
        const x = tf.randomNormal([2, 6, 6, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
        const g = tf.grad((f: tf.Tensor) => tf.conv2d(x, f as tf.Tensor4D, 2, 'same').sum())(tf.randomNormal([3, 3, 3, 2], 0, 1, 'float32', 2));
        return [g, tf.matMul(x.reshape([12, 18]), x.reshape([12, 18]), true), tf.gather(x.reshape([2, 108]), tf.tensor2d([[1], [2]], undefined, 'int32'), 1, 1)];
      }).forEach((t) => t.dispose());
    step();
    const before = tf.backend().numDataIds();
    for (let i = 0; i < 5; i++) step();
    expect(tf.backend().numDataIds()).toBe(before);
  });
});

describe("tfjs's own wasm kernels (when one of these fails, upstream fixed it: drop our kernel)", () => {
  it('GatherV2 with batchDims = 1 still mis-indexes', async () => {
    await prepareBackends();
    await tf.setBackend('wasm');
    const shipped = shippedWasmKernel('GatherV2');
    // Its setup never ran: ours replaced it before the backend started.
    shipped.setupFunc?.(tf.backend());
    const x = tf.tensor2d([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
    const indices = tf.tensor2d([[0], [1], [2], [0]], undefined, 'int32');
    const info = shipped.kernelFunc({ inputs: { x, indices }, backend: tf.backend(), attrs: { axis: 1, batchDims: 1 } }) as tf.TensorInfo;
    expect(Array.from(tf.backend().readSync(info.dataId) as Float32Array)).not.toEqual([1, 5, 9, 10]);
  });
});
