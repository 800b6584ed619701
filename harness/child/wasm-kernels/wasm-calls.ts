import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type TensorInfo = tfjs.TensorInfo;
type Inputs = { [name: string]: TensorInfo };
type Attrs = tfjs.NamedAttrMap;

/** The part of the Emscripten module a kernel needs: a typed handle on an exported C++ function. */
export interface WasmExports {
  cwrap(name: string, returns: null, args: string[]): (...args: unknown[]) => void;
}

/** The wasm module behind a backend (tfjs types it as an Emscripten module it does not ship types for). */
export function wasmExports(backend: BackendWasm): WasmExports {
  return backend.wasm as unknown as WasmExports;
}

/**
 * Runs another wasm kernel from inside a kernel, as tfjs's own kernels do
 * (by its kernel function, not through the engine: no tape, no scope).
 * The caller disposes what it returns with `release`.
 */
export function callKernel(tf: typeof tfjs, name: string, backend: BackendWasm, inputs: Inputs, attrs: object = {}): TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`Kernel '${name}' not registered for backend 'wasm'`);
  const out = kernel.kernelFunc({ inputs, backend, attrs: attrs as Attrs });
  if (Array.isArray(out)) throw new Error(`kernel '${name}' returned several tensors where one was expected`);
  return out;
}

/** Frees intermediate results of `callKernel`. */
export function release(backend: BackendWasm, ...infos: TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}
