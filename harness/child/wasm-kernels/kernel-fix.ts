import type * as tfjs from '@tensorflow/tfjs';

/**
 * One replacement or addition to the wasm backend's kernels, as a
 * declarative object: the kernel, why tfjs's own is not enough, and how to
 * build ours (given tfjs's kernel, when there is one, so ours may call it).
 */
export interface KernelFix {
  kernelName: string;
  why: string;
  make(tf: typeof tfjs, original: tfjs.KernelConfig | undefined): tfjs.KernelConfig;
}
