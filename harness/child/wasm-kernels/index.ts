import type * as tfjs from '@tensorflow/tfjs';
import { batchMatMulFix } from './batch-mat-mul.ts';
import { conv2dBackpropFilterFix } from './conv2d-backprop-filter.ts';
import { conv2dFix } from './conv2d.ts';
import { floorDivFix } from './floor-div.ts';
import { gatherV2Fix } from './gather-v2.ts';
import type { KernelFix } from './kernel-fix.ts';

/** Our wasm kernels, each tested against cpu (tests/harness/wasm-kernels.test.ts). */
export const WASM_KERNEL_FIXES: readonly KernelFix[] = [gatherV2Fix, conv2dFix, conv2dBackpropFilterFix, batchMatMulFix, floorDivFix];

/**
 * Replaces or adds wasm kernels through TensorFlow.js's own registry, before
 * student code loads. `TFGRADE_WASM_KERNEL_FIXES=off` leaves tfjs's kernels
 * as they ship (to reproduce an upstream bug, or to test the cpu re-run).
 * Returns the names of the kernels installed.
 */
export function installWasmKernelFixes(tf: typeof tfjs, fixes: readonly KernelFix[] = WASM_KERNEL_FIXES): string[] {
  if (process.env.TFGRADE_WASM_KERNEL_FIXES === 'off') return [];
  return fixes.map((fix) => {
    const original = tf.getKernel(fix.kernelName, 'wasm');
    const replacement = fix.make(tf, original);
    if (original) tf.unregisterKernel(fix.kernelName, 'wasm');
    tf.registerKernel(replacement);
    return fix.kernelName;
  });
}
