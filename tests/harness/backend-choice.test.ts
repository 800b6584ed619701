import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../harness/child/backend.ts';
import { ROOT } from '../../grader/paths.ts';

/**
 * Backend choice against real packages in a temporary node_modules: what
 * tfjs-node looks like on a machine where it is absent, where its native
 * library is not a loadable one, where its install step left no library, and
 * where it loads but registers no backend. The rest (wasm, cpu) resolve to
 * the project's own copies through a link.
 */
function projectWith(packages: { [name: string]: { [file: string]: string } }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-backends-'));
  const scope = path.join(dir, 'node_modules', '@tensorflow');
  mkdirSync(scope, { recursive: true });
  for (const shared of ['tfjs-backend-wasm', 'tfjs-core', 'tfjs']) symlinkSync(path.join(ROOT, 'node_modules', '@tensorflow', shared), path.join(scope, shared), 'dir');
  for (const [name, files] of Object.entries(packages)) {
    for (const [file, text] of Object.entries({ 'package.json': JSON.stringify({ name: `@tensorflow/${name}`, main: 'index.js' }), ...files })) {
      mkdirSync(path.dirname(path.join(scope, name, file)), { recursive: true });
      writeFileSync(path.join(scope, name, file), text);
    }
  }
  return path.join(dir, 'grader-entry.js');
}

const BINDING = "module.exports = require('./lib/napi-v8/tfjs_binding.node');\n";

describe('backend choice', () => {
  it('auto passes over tfjs-node-gpu (absent) and tfjs-node (a native library that cannot load), takes wasm, and says why', async () => {
    // Not a shared object: dlopen fails for real, as with a libtensorflow built for another CPU or glibc.
    const from = projectWith({ 'tfjs-node': { 'index.js': BINDING, 'lib/napi-v8/tfjs_binding.node': 'not an ELF file' } });
    const chosen = await initBackend(tf, 'auto', from);
    expect(chosen.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(chosen.note).toMatch(/^passed over: tfjs-node-gpu \(not installed\); tfjs-node \(installed, but its native library failed to load: .+\)$/);
  });

  it('tells a native library that was never installed from one that fails to load', async () => {
    const from = projectWith({ 'tfjs-node-gpu': { 'index.js': BINDING } });
    const chosen = await initBackend(tf, 'auto', from);
    expect(chosen.note).toContain('tfjs-node-gpu (installed, but its native library is missing (its install step failed; reinstall it)');
    expect(chosen.note).toContain('tfjs-node (not installed)');
  });

  it('a package that loads but registers no backend failed to initialise', async () => {
    const from = projectWith({ 'tfjs-node': { 'index.js': 'module.exports = {};\n' } });
    const chosen = await initBackend(tf, 'auto', from);
    expect(chosen.note).toContain("tfjs-node (failed to initialise: Backend name 'tensorflow' not found in registry)");
  });

  it('--backend tensorflow with neither package fails, naming both', async () => {
    await expect(initBackend(tf, 'tensorflow', projectWith({}))).rejects.toThrow("no engine for 'tensorflow' works here: tfjs-node-gpu (not installed); tfjs-node (not installed)");
  });

  it('an explicit cpu is taken as asked, with nothing passed over', async () => {
    expect(await initBackend(tf, 'cpu', projectWith({}))).toEqual({ name: 'cpu', note: undefined });
    expect(tf.getBackend()).toBe('cpu');
  });
});
