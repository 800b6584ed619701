import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFix } from './kernel-fix.ts';
import { callKernel, release } from './wasm-calls.ts';

type Inputs = { x: tfjs.TensorInfo; dy: tfjs.TensorInfo };
type Attrs = { strides: [number, number] | number; pad: 'valid' | 'same' | number | tfjs.backend_util.ExplicitPadding; dataFormat: 'NHWC' | 'NCHW'; dimRoundingMode?: 'floor' | 'round' | 'ceil'; filterShape: [number, number, number, number] };

/**
 * wasm has no Conv2DBackpropFilter, so `tf.grad` of a convolution with
 * respect to its filters throws there. The filter gradient is itself a
 * convolution, done by wasm's own Conv2D:
 *   dW[i,j,c,o] = sum_{n,p,q} x[n, p*sh + i - top, q*sw + j - left, c] * dy[n,p,q,o]
 * is the convolution of x (channels as batch, batch as channels) with dy
 * (as an [outH, outW, n, outC] filter) dilated by the forward strides.
 */
export const conv2dBackpropFilterFix: KernelFix = {
  kernelName: 'Conv2DBackpropFilter',
  why: "wasm has no Conv2DBackpropFilter kernel: tf.grad through conv2d with respect to its filters throws",
  make: (tf) => ({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: ({ inputs, backend, attrs }) => backpropFilter(tf, inputs as Inputs, backend as BackendWasm, attrs as unknown as Attrs) }),
};

function backpropFilter(tf: typeof tfjs, { x, dy }: Inputs, backend: BackendWasm, attrs: Attrs): tfjs.TensorInfo {
  if (attrs.dataFormat === 'NCHW') throw new Error("wasm's Conv2DBackpropFilter supports dataFormat 'NHWC' only");
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  const [kh, kw, inC, outC] = attrs.filterShape;
  const { top, left } = info.padInfo;
  // Enough padding after the input for the first kh x kw outputs to exist; anything beyond is sliced off.
  const bottom = Math.max(0, kh + (info.outHeight - 1) * info.strideHeight - info.inHeight - top);
  const right = Math.max(0, kw + (info.outWidth - 1) * info.strideWidth - info.inWidth - left);
  const xT = callKernel(tf, 'Transpose', backend, { x }, { perm: [3, 1, 2, 0] });
  const dyT = callKernel(tf, 'Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] });
  const conv = callKernel(tf, 'Conv2D', backend, { x: xT, filter: dyT }, {
    strides: [1, 1],
    dilations: [info.strideHeight, info.strideWidth],
    pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
    dataFormat: 'NHWC',
  });
  const cropped = callKernel(tf, 'Slice', backend, { x: conv }, { begin: [0, 0, 0, 0], size: [inC, kh, kw, outC] });
  const dW = callKernel(tf, 'Transpose', backend, { x: cropped }, { perm: [1, 2, 0, 3] });
  release(backend, xT, dyT, conv, cropped);
  return dW;
}
