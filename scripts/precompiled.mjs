// `node scripts/precompiled.mjs <entry.ts> [args]`: runs a TypeScript entry
// of the grader as one precompiled ES module instead of through a TypeScript
// loader (tsx costs ~0.4 s at every start and transforms each file). The
// bundle is rebuilt, with esbuild, only when one of the files it was built
// from has changed. Plain JavaScript: nothing may need compiling to run it.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'tfgrade');
const entry = process.argv[2];
const name = entry.replace(/[/\\]/g, '-').replace(/\.ts$/, '');
const bundle = path.join(cacheDir, `${name}.mjs`);
const inputsFile = path.join(cacheDir, `${name}.inputs.json`);

/** True when every file the bundle was built from is unchanged since. */
function fresh() {
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return Object.entries(inputs).every(([file, mtimeMs]) => statSync(file).mtimeMs === mtimeMs);
  } catch {
    return false;
  }
}

async function build() {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // grader/paths.ts finds the project from its own URL: keep that URL, not the bundle's.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(root, 'grader', 'paths.ts')).href) },
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs = Object.fromEntries(Object.keys(out.metafile.inputs).map((f) => [path.resolve(f), statSync(path.resolve(f)).mtimeMs]));
  mkdirSync(cacheDir, { recursive: true });
  // Several graders may start at once: write aside, then rename (atomic).
  for (const [file, text] of [[bundle, out.outputFiles[0].contents], [inputsFile, JSON.stringify(inputs)]]) {
    writeFileSync(`${file}.${process.pid}.tmp`, text);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
}

if (!fresh()) await build();
// The entry reads its arguments as if it had been started directly.
process.argv.splice(1, 2, bundle);
await import(pathToFileURL(bundle).href);
