import type * as tfjs from '@tensorflow/tfjs';
import type { BackendChoice } from '../protocol/messages.ts';
import { installWasmKernelFixes } from './wasm-kernels/index.ts';

export interface ChosenBackend {
  name: string;
  /** Why `auto` did not get a better backend, for the report. */
  note?: string;
}

/** Sets the backend before any student code loads; `auto` takes the best one that works. */
export async function initBackend(tf: typeof tfjs, choice: BackendChoice): Promise<ChosenBackend> {
  tf.enableProdMode();
  if (choice !== 'auto') {
    await activate(tf, choice);
    return { name: tf.getBackend() };
  }
  const skipped: string[] = [];
  for (const candidate of ['tensorflow', 'wasm', 'cpu'] as const) {
    try {
      await activate(tf, candidate);
      return { name: tf.getBackend(), note: skipped.length ? skipped.join('; ') : undefined };
    } catch (e) {
      skipped.push(`${candidate}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(`no TensorFlow.js backend works here (${skipped.join('; ')})`);
}

async function activate(tf: typeof tfjs, name: Exclude<BackendChoice, 'auto'>): Promise<void> {
  if (name === 'tensorflow') await loadNative();
  if (name === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    installWasmKernelFixes(tf);
  }
  // tfjs silently falls back to another backend when one fails to start: check.
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) throw new Error(`backend '${name}' failed to initialise`);
}

/** tfjs-node(-gpu) are optional dependencies: present only where libtensorflow could be installed. */
async function loadNative(): Promise<void> {
  const errors: string[] = [];
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await import(pkg);
      return;
    } catch (e) {
      const missing = ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'].includes((e as { code?: string }).code ?? '');
      if (!missing) errors.push(`${pkg} failed to load: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(errors.length ? errors.join('; ') : '@tensorflow/tfjs-node is not installed');
}
