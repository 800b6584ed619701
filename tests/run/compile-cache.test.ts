import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleEntry } from '../../grader/bundle-entry.ts';
import { compileCacheFor } from '../../grader/run/compile-cache.ts';

const FLAGS = ['--max-old-space-size=2048'];

/** Loads tfjs and the wasm backend as a student process does, through the cache in `dir`, under `flags`; what the cache did, and a sum on wasm. */
async function loadThrough(dir: string, flags: string[]): Promise<{ used: number; refused: number; sum: number }> {
  const cache = await bundleEntry('harness/child/compile-cache.ts');
  const script = `
    const { createRequire } = require('node:module');
    const cache = require(process.argv[1]).useCompileCache(process.argv[2]);
    const load = createRequire(process.argv[1]);
    const tf = load('@tensorflow/tfjs');
    load('@tensorflow/tfjs-backend-wasm');
    tf.setBackend('wasm').then(() => console.log(JSON.stringify({ ...cache.counts(), sum: tf.sum(tf.tensor([1, 2, 3])).dataSync()[0] })));`;
  const r = spawnSync(process.execPath, [...flags, '-e', script, cache, dir], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { used: number; refused: number; sum: number };
}

describe('the code cache of the student processes', () => {
  it('is filled once, and a process with the same V8 flags loads every tfjs file from it', async () => {
    const dir = (await compileCacheFor(FLAGS))!;
    expect(dir).toBeDefined();
    expect(await compileCacheFor(FLAGS)).toBe(dir);
    const entries = readdirSync(dir).filter((f) => f.endsWith('.v8')).length;
    expect(entries).toBeGreaterThanOrEqual(8); // tfjs, core, layers, converter, data, cpu, webgl, wasm
    expect(await loadThrough(dir, FLAGS)).toEqual({ used: entries, refused: 0, sum: 6 });
  });

  it('is kept per V8 flags: V8 refuses a cache made with other flags', async () => {
    const dir = (await compileCacheFor(FLAGS))!;
    const other = await compileCacheFor(['--max-old-space-size=1024']);
    expect(other).toBeDefined();
    expect(other).not.toBe(dir);
    const crossed = await loadThrough(dir, ['--max-old-space-size=1024']);
    expect(crossed.used).toBe(0);
    expect(crossed.refused).toBeGreaterThan(0);
  });

  it('costs speed, never correctness, when its entries are damaged', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-code-cache-'));
    cpSync((await compileCacheFor(FLAGS))!, copy, { recursive: true });
    const entries = readdirSync(copy).filter((f) => f.endsWith('.v8'));
    for (const f of entries) writeFileSync(path.join(copy, f), 'not a code cache');
    expect(await loadThrough(copy, FLAGS)).toEqual({ used: 0, refused: entries.length, sum: 6 });
  });
});
