import path from 'node:path';
import { build } from 'esbuild';
import { CACHE_DIR, ROOT } from './paths.ts';
import { writeAtomically } from './write-atomically.ts';

const built = new Map<string, Promise<string>>();

/**
 * Bundles a TypeScript entry (path from the project root) into one CommonJS
 * file next to node_modules, so a separate process or thread runs it with
 * plain `node`: no TypeScript loader to start, and packages resolve to the
 * project's own copies. Built once per grader process.
 */
export function bundleEntry(entry: string): Promise<string> {
  if (!built.has(entry)) {
    built.set(
      entry,
      (async () => {
        const out = await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', write: false, logLevel: 'silent' });
        const file = path.join(CACHE_DIR, `${entry.replace(/[/\\]/g, '-').replace(/\.ts$/, '')}.cjs`);
        // Several graders may run at once.
        writeAtomically(file, out.outputFiles[0].contents);
        return file;
      })(),
    );
  }
  return built.get(entry)!;
}
