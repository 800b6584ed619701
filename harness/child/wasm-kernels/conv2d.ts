import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFix } from './kernel-fix.ts';
import { callKernel, release } from './wasm-calls.ts';

type Conv2DAttrs = {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tfjs.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

/**
 * wasm's Conv2D (XNNPACK) gets two kinds of padding wrong, silently:
 * `'same'` with a stride larger than the filter returns zeros, and a numeric
 * pad whose rounded output reaches past the padded input reads memory it
 * should treat as zeros. Both are right with explicit padding, so every
 * padding is handed to tfjs's kernel as the explicit one cpu uses, extended
 * at the bottom and right to cover every output the shape calls for; outputs
 * beyond that shape (tfjs sizes numeric pads from the filter's height alone)
 * are cut off.
 */
export const conv2dFix: KernelFix = {
  kernelName: 'Conv2D',
  why: "wasm conv2d returns zeros for 'same' with stride > filter size, and garbage for numeric pads that round up",
  make: (tf, original) => {
    if (!original) throw new Error("wasm has no 'Conv2D' kernel to fix");
    const shipped = original.kernelFunc;
    return {
      ...original,
      kernelFunc: (args) => {
        const attrs = args.attrs as unknown as Conv2DAttrs;
        const info = convInfo(tf, args.inputs as ConvInputs, attrs);
        // Rounding modes apply to numeric pads only: the explicit pad replaces both.
        const { dimRoundingMode: _, ...rest } = args.attrs ?? {};
        const out = shipped({ ...args, attrs: { ...rest, pad: explicitPadding(info, attrs.dataFormat) } }) as tfjs.TensorInfo;
        if (out.shape.join() === info.outShape.join()) return out;
        const backend = args.backend as BackendWasm;
        const cut = callKernel(tf, 'Slice', backend, { x: out }, { begin: [0, 0, 0, 0], size: info.outShape });
        release(backend, out);
        return cut;
      },
    };
  },
};

type ConvInputs = { x: tfjs.TensorInfo; filter: tfjs.TensorInfo };

function convInfo(tf: typeof tfjs, { x, filter }: ConvInputs, a: Conv2DAttrs): tfjs.backend_util.Conv2DInfo {
  const format = a.dataFormat === 'NCHW' ? 'channelsFirst' : 'channelsLast';
  return tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filter.shape as [number, number, number, number], a.strides, a.dilations, a.pad, a.dimRoundingMode, false, format);
}

/** Just enough padding after the input for the last output the shape calls for (none if it needs none). */
function explicitPadding(info: tfjs.backend_util.Conv2DInfo, format: Conv2DAttrs['dataFormat']): tfjs.backend_util.ExplicitPadding {
  const { top, left } = info.padInfo;
  const bottom = Math.max(0, (info.outHeight - 1) * info.strideHeight + info.effectiveFilterHeight - info.inHeight - top);
  const right = Math.max(0, (info.outWidth - 1) * info.strideWidth + info.effectiveFilterWidth - info.inWidth - left);
  return format === 'NCHW' ? [[0, 0], [0, 0], [top, bottom], [left, right]] : [[0, 0], [top, bottom], [left, right], [0, 0]];
}
