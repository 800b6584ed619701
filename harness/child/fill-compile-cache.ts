/**
 * `node <V8 flags> fill-compile-cache.cjs <dir>`: run by the grader
 * (grader/run/compile-cache.ts) with the V8 flags of the student processes,
 * which V8 requires of a cache it accepts. Loads what a student process
 * loads, tfjs and the wasm backend, runs no student code, and writes the
 * code cache of every file it compiled into <dir>, then the marker that
 * says the folder is whole.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { initBackend } from './backend.ts';
import { COMPLETE_MARKER, useCompileCache } from './compile-cache.ts';

async function fill(dir: string): Promise<void> {
  const cache = useCompileCache(dir, true);
  const tf = createRequire(process.argv[1])('@tensorflow/tfjs') as typeof tfjs;
  await initBackend(tf, 'wasm');
  mkdirSync(dir, { recursive: true });
  for (const [file, data] of [...cache.entries(), [path.join(dir, COMPLETE_MARKER), Buffer.alloc(0)] as const]) {
    // Graders filling the same folder at once each leave whole files.
    writeFileSync(`${file}.${process.pid}.tmp`, data);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
}

fill(process.argv[2]).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
