import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFix } from './kernel-fix.ts';
import { callKernel, release } from './wasm-calls.ts';

/**
 * cpu's FloorDiv returns int32 whatever its inputs (`tf.floorDiv(x, 16)` of
 * float32 pixels gives int32 levels); wasm's keeps float32. Fixtures come
 * from cpu, so wasm's result is cast as cpu's is.
 */
export const floorDivFix: KernelFix = {
  kernelName: 'FloorDiv',
  why: 'wasm floorDiv of float32 returns float32 where cpu returns int32',
  make: (tf, original) => {
    if (!original) throw new Error("wasm has no 'FloorDiv' kernel to fix");
    const shipped = original.kernelFunc;
    return {
      ...original,
      kernelFunc: (args) => {
        const out = shipped(args) as tfjs.TensorInfo;
        if (out.dtype === 'int32') return out;
        const backend = args.backend as BackendWasm;
        const cast = callKernel(tf, 'Cast', backend, { x: out }, { dtype: 'int32' });
        release(backend, out);
        return cast;
      },
    };
  },
};
