import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../definition/manifest.ts';
import type { Violation } from './banned-calls.ts';
import { callInWorker } from '../worker-call.ts';

/** Why a part is rejected without running, by export name. */
export type Rejections = Map<string, string>;

/**
 * Runs the manifest's static rules on the submission's source, in a worker
 * thread so that loading ts-morph overlaps the student process instead of
 * blocking the grader's event loop.
 */
export async function staticChecks(manifest: Manifest, file: string): Promise<Rejections> {
  const rules = manifest.staticChecks ?? [];
  const out: Rejections = new Map();
  if (!rules.length) return out;
  const workerData = { fileName: path.basename(file), source: readFileSync(file, 'utf8'), rules };
  const violations = await callInWorker<Violation[]>('grader/static/static-checks-worker.ts', workerData);
  for (const v of violations) {
    if (!out.has(v.fn)) out.set(v.fn, `${v.fn} uses ${v.call} (${path.basename(file)}:${v.line}): ${v.reason}`);
  }
  return out;
}
