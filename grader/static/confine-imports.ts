import { closeSync, fstatSync, openSync, readSync, realpathSync, constants } from 'node:fs';
import path from 'node:path';
import type { Loader, OnLoadArgs, OnResolveArgs, OnResolveResult, Plugin } from 'esbuild';

/** A submission is a few source files: anything bigger is not one (and /dev/zero would be endless). */
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 64;

const LOADERS: { [ext: string]: Loader } = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.json': 'json' };

/**
 * The compile step runs with the grader's rights, so what it may read is
 * confined here: only @tensorflow/tfjs (left external) and regular files
 * under the submission's own folder (symlinks resolved first), each small,
 * few in all. Everything else is a compile error that names the import.
 */
export function confineImports(folder: string): Plugin {
  const root = realpathSync(folder);
  let loaded = 0;
  return {
    name: 'confine-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args): Promise<OnResolveResult> => {
        if (args.pluginData === 'confined' || args.kind === 'entry-point') return {};
        if (args.path === '@tensorflow/tfjs') return { path: args.path, external: true };
        if (!/^[./]/.test(args.path)) return refuse(args, 'submissions may only import @tensorflow/tfjs and their own relative files');
        const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, with: args.with, pluginData: 'confined' });
        if (found.errors.length) return { errors: found.errors };
        return inside(root, found.path) ? { path: found.path } : refuse(args, "it is outside the submission's folder");
      });
      b.onLoad({ filter: /.*/ }, (args) => {
        if (++loaded > MAX_FILES) return { errors: [{ text: `the submission imports more than ${MAX_FILES} files` }] };
        if (!inside(root, args.path)) return { errors: [{ text: `${args.path} is outside the submission's folder` }] };
        return load(args);
      });
    },
  };
}

function refuse(args: OnResolveArgs, why: string): OnResolveResult {
  return { errors: [{ text: `imports '${args.path}': ${why}` }] };
}

/** True when `file`, symlinks resolved, is under `root`; a file that does not exist is not. */
function inside(root: string, file: string): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  const rel = path.relative(root, real);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Reads one file through a descriptor, refusing anything but a small regular file (no FIFO, device, folder). */
function load(args: OnLoadArgs) {
  const loader = args.with.type === 'text' ? 'text' : LOADERS[path.extname(args.path)];
  if (!loader) return { errors: [{ text: `${path.basename(args.path)}: submissions may only import .ts, .js and .json files` }] };
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const fd = openSync(args.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { errors: [{ text: `${path.basename(args.path)} is not a regular file` }] };
    if (st.size > MAX_FILE_BYTES) return { errors: [{ text: `${path.basename(args.path)} is larger than ${MAX_FILE_BYTES / 1024} KB` }] };
    const bytes = Buffer.alloc(st.size);
    const n = readSync(fd, bytes, 0, st.size, 0);
    return { contents: bytes.subarray(0, n), loader };
  } finally {
    closeSync(fd);
  }
}
