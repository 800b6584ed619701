import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../definition/manifest.ts';

/** Why a part is rejected without running, by export name. */
export type Rejections = Map<string, string>;

/** Runs the manifest's static rules on the submission's source; ts-morph loads only when there are rules. */
export async function staticChecks(manifest: Manifest, file: string): Promise<Rejections> {
  const rules = manifest.staticChecks ?? [];
  const out: Rejections = new Map();
  if (!rules.length) return out;
  const { findBannedCalls } = await import('./banned-calls.ts');
  for (const v of findBannedCalls(path.basename(file), readFileSync(file, 'utf8'), rules)) {
    if (!out.has(v.fn)) out.set(v.fn, `${v.fn} uses ${v.call} (${path.basename(file)}:${v.line}): ${v.reason}`);
  }
  return out;
}
