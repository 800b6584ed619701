import { createRequire } from 'node:module';
import type * as tfjs from '@tensorflow/tfjs';
import type { BackendChoice } from '../protocol/messages.ts';
import { installWasmKernelFixes } from './wasm-kernels/index.ts';

export interface ChosenBackend {
  /** The engine that runs: `tfjs-node-gpu`, `tfjs-node`, `wasm` or `cpu`. */
  name: string;
  /** Why the better engines were passed over, for the report. */
  note?: string;
}

interface Engine {
  name: string;
  /** tfjs's name for the backend the engine registers. */
  backend: 'tensorflow' | 'wasm' | 'cpu';
  /** The npm package that brings it, when it is not built into @tensorflow/tfjs. */
  pkg?: string;
}

/** Best first (design invariant 5). */
const ENGINES: readonly Engine[] = [
  { name: 'tfjs-node-gpu', backend: 'tensorflow', pkg: '@tensorflow/tfjs-node-gpu' },
  { name: 'tfjs-node', backend: 'tensorflow', pkg: '@tensorflow/tfjs-node' },
  { name: 'wasm', backend: 'wasm', pkg: '@tensorflow/tfjs-backend-wasm' },
  { name: 'cpu', backend: 'cpu' },
];

/** An engine that could not be used, and which of the three ways it failed. */
class PassedOver extends Error {}

/**
 * Sets the backend before any student code loads. `auto` takes the first
 * engine that is installed, loads and initialises; `tensorflow` takes
 * tfjs-node-gpu or tfjs-node. Packages are resolved from `resolveFrom`
 * (a file path; by default this script's own, next to node_modules).
 */
export async function initBackend(tf: typeof tfjs, choice: BackendChoice, resolveFrom = process.argv[1]): Promise<ChosenBackend> {
  tf.enableProdMode();
  const load = createRequire(resolveFrom);
  const candidates = choice === 'auto' ? ENGINES : ENGINES.filter((e) => e.backend === choice);
  const skipped: string[] = [];
  for (const engine of candidates) {
    try {
      await activate(tf, engine, load);
      return { name: engine.name, note: skipped.length ? `passed over: ${skipped.join('; ')}` : undefined };
    } catch (e) {
      if (!(e instanceof PassedOver)) throw e;
      skipped.push(`${engine.name} (${e.message})`);
    }
  }
  throw new Error(`no engine for '${choice}' works here: ${skipped.join('; ')}`);
}

async function activate(tf: typeof tfjs, engine: Engine, load: NodeJS.Require): Promise<void> {
  if (engine.pkg) loadPackage(engine.pkg, load);
  if (engine.backend === 'wasm') installWasmKernelFixes(tf);
  // tfjs silently falls back to another backend when one fails to start: check.
  let ok = false;
  try {
    ok = await tf.setBackend(engine.backend);
    await tf.ready();
  } catch (e) {
    throw new PassedOver(`failed to initialise: ${firstLine(e)}`);
  }
  if (!ok || tf.getBackend() !== engine.backend) throw new PassedOver('failed to initialise');
}

/** "Not installed" is not "installed, but its native library failed to load" (e.g. libtensorflow's download failed). */
function loadPackage(pkg: string, load: NodeJS.Require): void {
  try {
    load.resolve(pkg);
  } catch {
    throw new PassedOver('not installed');
  }
  try {
    load(pkg);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_DLOPEN_FAILED') throw new PassedOver(`installed, but its native library failed to load: ${firstLine(e)}`);
    if (code === 'MODULE_NOT_FOUND' && /\.node\b/.test(firstLine(e))) throw new PassedOver(`installed, but its native library is missing (its install step failed; reinstall it): ${firstLine(e)}`);
    throw new PassedOver(`installed, but failed to load: ${firstLine(e)}`);
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
