import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { CACHE_DIR, ROOT } from '../paths.ts';

let built: Promise<string> | undefined;

/**
 * Bundles harness/child into one plain-JS file next to node_modules, so the
 * student process starts with plain `node` (no TypeScript loader: ~0.4 s less
 * per process) and resolves @tensorflow/tfjs to the project's copy.
 */
export function harnessBundle(): Promise<string> {
  built ??= (async () => {
    const out = await build({
      entryPoints: [path.join(ROOT, 'harness', 'child', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    mkdirSync(CACHE_DIR, { recursive: true });
    const file = path.join(CACHE_DIR, 'harness-child.cjs');
    // Several graders may run at once: write aside, then rename (atomic).
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, out.outputFiles[0].contents);
    renameSync(tmp, file);
    return file;
  })();
  return built;
}
