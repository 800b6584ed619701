import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { callKernel, release, wasmExports } from './wasm-calls.ts';
import type { KernelFix } from './kernel-fix.ts';

type WasmGather = (xId: number, dtype: number, xStrides: Uint8Array, stridesSize: number, indicesId: number, indicesPerBatch: number, outStrides: Uint8Array, outId: number) => void;

/** The C++ kernel's dtype codes (tfjs-backend-wasm's CppDType). */
const CPP_DTYPE: { [d: string]: number } = { float32: 0, int32: 1, bool: 2, string: 3, complex64: 4 };

const wrapped = new WeakMap<BackendWasm, WasmGather>();

/**
 * tfjs 4.22's wasm GatherV2 with the fix of tensorflow/tfjs#8659
 * (tensorflow/tfjs#8658): the C++ kernel steps from one batch's indices to
 * the next by its last argument, which tfjs passes as the number of batches
 * instead of the number of indices per batch, so `batchDims > 0` reads the
 * wrong indices, or outside memory. Same C++ kernel, right argument.
 */
export const gatherV2Fix: KernelFix = {
  kernelName: 'GatherV2',
  why: 'tf.gather with batchDims > 0 mis-indexes on wasm (tensorflow/tfjs#8658, fix #8659 unmerged)',
  make: (tf) => ({ kernelName: 'GatherV2', backendName: 'wasm', kernelFunc: ({ inputs, backend, attrs }) => gatherV2(tf, inputs as GatherInputs, backend as BackendWasm, attrs as unknown as GatherAttrs) }),
};

type GatherInputs = { x: tfjs.TensorInfo; indices: tfjs.TensorInfo };
type GatherAttrs = { axis: number; batchDims: number };

function gatherV2(tf: typeof tfjs, { x, indices }: GatherInputs, backend: BackendWasm, { axis, batchDims }: GatherAttrs): tfjs.TensorInfo {
  const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0];
  const indexValues = backend.readSync(indices.dataId) as tfjs.backend_util.TypedArray;
  const axisDim = x.shape[parsedAxis];
  for (const index of indexValues) {
    tf.util.assert(index <= axisDim - 1 && index >= 0, () => `GatherV2: the index value ${index} is not in [0, ${axisDim - 1}]`);
  }
  const info = tf.backend_util.segment_util.collectGatherOpShapeInfo(x as tfjs.Tensor, indices as tfjs.Tensor, parsedAxis, batchDims);
  const indicesSize = tf.util.sizeFromShape(indices.shape);
  const indicesPerBatch = indicesSize / info.batchSize;
  const flatX = callKernel(tf, 'Reshape', backend, { x }, { shape: [info.batchSize, info.outerSize, info.dimSize, info.sliceSize] });
  const flatIndices = callKernel(tf, 'Reshape', backend, { x: indices }, { shape: [info.batchSize, indicesPerBatch] });
  const flatOutShape = [info.batchSize, info.outerSize, indicesPerBatch, info.sliceSize];
  const out = backend.makeOutput(flatOutShape, x.dtype);
  if (tf.util.sizeFromShape(x.shape) > 0) {
    const strides = (shape: number[]) => new Uint8Array(new Int32Array(tf.util.computeStrides(shape)).buffer);
    const ids = (t: tfjs.TensorInfo) => backend.dataIdMap.get(t.dataId)!.id;
    gatherOf(backend)(ids(flatX), CPP_DTYPE[x.dtype], strides(flatX.shape), flatX.shape.length - 1, ids(flatIndices), indicesPerBatch, strides(flatOutShape), ids(out));
  }
  release(backend, flatX, flatIndices);
  out.shape = info.outputShape;
  return out;
}

function gatherOf(backend: BackendWasm): WasmGather {
  if (!wrapped.has(backend)) wrapped.set(backend, wasmExports(backend).cwrap('Gather', null, ['number', 'number', 'array', 'number', 'number', 'number', 'array', 'number']) as WasmGather);
  return wrapped.get(backend)!;
}
