/**
 * V8's code cache for the packages a student process loads (tfjs and its
 * backends). Compiling them is half of the process's start-up, ~0.15 s of
 * CPU spent again for every submission on the very same files. Node 22 has
 * this built in (module.enableCompileCache); the project runs on Node 20.
 *
 * The grader fills the cache once per Node version and V8 flags, in a
 * process of its own that loads tfjs and no student code
 * (harness/fill-compile-cache.ts); student processes only read it. A file
 * without an entry, or one V8 rejects (another Node, other flags), compiles
 * as it always did.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

type Compile = (this: Module, content: string, filename: string) => unknown;

/** The parts of Node's CommonJS loader this hooks (stable since Node 0.x, not in its typings). */
interface Loader {
  prototype: { _compile: Compile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
  _cache: NodeJS.Require['cache'];
}

const loader = Module as unknown as Loader;

/** Written last by the filler: a folder without it is being filled, or was left half-filled. */
export const COMPLETE_MARKER = 'complete';

export interface CompileCache {
  /** The cached data of every file compiled since, by cache file: what the filler writes. */
  entries(): [file: string, data: Buffer][];
  /** Files compiled from an entry, and files whose entry V8 refused (made by another Node or with other flags, or damaged). */
  counts(): { used: number; refused: number };
}

/**
 * Compiles CommonJS files through `dir`: with `fill`, every file (its entry
 * is written later from `entries()`, after the code ran, so the functions it
 * ran are cached too); without, only files that have an entry.
 */
export function useCompileCache(dir: string, fill = false): CompileCache {
  const compile = loader.prototype._compile;
  const compiled: [string, Script][] = [];
  const counts = { used: 0, refused: 0 };
  loader.prototype._compile = function (this: Module, content: string, filename: string) {
    const file = entryFile(dir, filename);
    const cachedData = readEntry(file);
    if (!cachedData && !fill) return compile.call(this, content, filename);
    const script = new Script(loader.wrap(content), { filename, cachedData });
    if (fill) compiled.push([file, script]);
    if (cachedData) counts[script.cachedDataRejected ? 'refused' : 'used']++;
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  return { entries: () => compiled.map(([file, script]) => [file, script.createCachedData()]), counts: () => ({ ...counts }) };
}

/** A file's entry: by path, size and modification time, as V8 itself checks little more than the source's length. */
function entryFile(dir: string, filename: string): string {
  let stamp = '';
  try {
    const s = statSync(filename);
    stamp = `${s.size}:${s.mtimeMs}`;
  } catch {
    // not a file on disk (the submission): it never has an entry
  }
  return path.join(dir, `${createHash('sha256').update(`${filename}\n${stamp}`).digest('hex').slice(0, 32)}.v8`);
}

function readEntry(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The `require` Node gives a module: tfjs uses only the call itself, `resolve` and `cache`. */
function requireFor(mod: Module): NodeJS.Require {
  const req = ((id: string) => mod.require(id)) as NodeJS.Require;
  req.resolve = ((request: string, options?: { paths?: string[] }) => loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  req.cache = loader._cache;
  return req;
}
