import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import seedrandom from 'seedrandom';
import { installWasmKernelFixes } from '../../harness/child/wasm-kernels/index.ts';

/** What one op returned on one backend, read back to plain numbers. */
export interface Snapshot {
  shape: number[];
  dtype: string;
  values: number[];
}

let ready: Promise<void> | undefined;
const shipped = new Map<string, tf.KernelConfig>();

/** Registers our wasm kernels once per test file (the student process does the same before loading code). */
export function prepareBackends(): Promise<void> {
  ready ??= (async () => {
    tf.enableProdMode();
    for (const k of tf.getKernelsForBackend('wasm')) shipped.set(k.kernelName, k);
    installWasmKernelFixes(tf);
    for (const b of ['wasm', 'cpu']) if (!(await tf.setBackend(b))) throw new Error(`backend ${b} did not start`);
  })();
  return ready;
}

/** The wasm kernel as tfjs ships it, before ours replaced it. */
export function shippedWasmKernel(name: string): tf.KernelConfig {
  const k = shipped.get(name);
  if (!k) throw new Error(`tfjs ships no wasm kernel '${name}'`);
  return k;
}

/** Runs `fn` on a backend and reads back every tensor it returned. */
export async function runOn(backend: 'cpu' | 'wasm', fn: () => tf.Tensor | tf.Tensor[]): Promise<Snapshot[]> {
  await prepareBackends();
  await tf.setBackend(backend);
  return tf.tidy(() => [fn()].flat()).map((t) => {
    const s = { shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) };
    t.dispose();
    return s;
  });
}

/**
 * Where wasm's answer differs from cpu's beyond float32 noise, or '' when it
 * does not. The tolerance is the one measured to hold for every cpu/wasm
 * pair with 10x margin (notes/tfjs-in-node.md): rtol 1e-4, atol 1e-5 scaled
 * by the largest expected magnitude.
 */
export function disagreement(wasm: Snapshot[], cpu: Snapshot[]): string {
  if (wasm.length !== cpu.length) return `${wasm.length} outputs, cpu ${cpu.length}`;
  for (const [i, [w, c]] of wasm.map((w, k) => [w, cpu[k]] as const).entries()) {
    if (w.dtype !== c.dtype) return `output ${i}: dtype ${w.dtype}, cpu ${c.dtype}`;
    if (w.shape.join() !== c.shape.join()) return `output ${i}: shape [${w.shape}], cpu [${c.shape}]`;
    const atol = 1e-5 * Math.max(1, ...c.values.filter(Number.isFinite).map(Math.abs));
    const bad = c.values.findIndex((e, k) => !close(w.values[k], e, atol));
    if (bad >= 0) return `output ${i}: element ${bad} is ${w.values[bad]}, cpu ${c.values[bad]}`;
  }
  return '';
}

function close(a: number, e: number, atol: number): boolean {
  if (Number.isNaN(e) || !Number.isFinite(e)) return Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e));
  return Math.abs(a - e) <= atol + 1e-4 * Math.abs(e);
}

/** A seeded stream of test data, so a failing shape can be reproduced. */
export function randomSource(seed: string) {
  const rng = seedrandom(seed);
  return {
    int: (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1)),
    values: (n: number) => Array.from({ length: n }, () => rng() * 2 - 1),
  };
}
