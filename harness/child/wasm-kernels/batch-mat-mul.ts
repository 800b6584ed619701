import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFix } from './kernel-fix.ts';
import { callKernel, release } from './wasm-calls.ts';

type MatMulInputs = { a: tfjs.TensorInfo; b: tfjs.TensorInfo };
type MatMulAttrs = { transposeA: boolean; transposeB: boolean };

/**
 * wasm's BatchMatMul with transposeA or transposeB is ~10x slower than
 * without (every dense layer's gradient takes that path): transposing the
 * operand explicitly, then multiplying plainly, costs one copy and runs at
 * the plain product's speed.
 */
export const batchMatMulFix: KernelFix = {
  kernelName: 'BatchMatMul',
  why: 'wasm matMul with transposeA/transposeB is ~10x slower than transposing first',
  make: (tf, original) => {
    if (!original) throw new Error("wasm has no 'BatchMatMul' kernel to speed up");
    const plain = original.kernelFunc;
    return {
      ...original,
      kernelFunc: (args) => {
        const { a, b } = args.inputs as MatMulInputs;
        const { transposeA, transposeB } = args.attrs as unknown as MatMulAttrs;
        if (!transposeA && !transposeB) return plain(args);
        const backend = args.backend as BackendWasm;
        const a2 = transposeA ? swapLastTwo(tf, a, backend) : a;
        const b2 = transposeB ? swapLastTwo(tf, b, backend) : b;
        try {
          return plain({ ...args, inputs: { a: a2, b: b2 }, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
        } finally {
          release(backend, ...[a2, b2].filter((t) => t !== a && t !== b));
        }
      },
    };
  },
};

function swapLastTwo(tf: typeof tfjs, x: tfjs.TensorInfo, backend: BackendWasm): tfjs.TensorInfo {
  const perm = x.shape.map((_, i) => i);
  [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
  return callKernel(tf, 'Transpose', backend, { x }, { perm });
}
