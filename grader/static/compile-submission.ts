import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Message, type Plugin } from 'esbuild';
import { GraderError } from '../errors.ts';
import { shown } from '../paths.ts';

export interface CompiledSubmission {
  /** The absolute path of the submission's entry file. */
  file: string;
  /** One CommonJS module; its only `require` is @tensorflow/tfjs. */
  code: string;
}

/** `--submission` may name the file or the folder that holds `entry`. */
export function resolveSubmission(fileOrFolder: string, entry: string): string {
  const p = path.resolve(fileOrFolder);
  if (!existsSync(p)) throw new GraderError('USAGE', `submission not found: ${p}`);
  if (!statSync(p).isDirectory()) return p;
  const inside = path.join(p, entry);
  if (!existsSync(inside)) throw new GraderError('USAGE', `${shown(p)} holds no ${entry}`);
  return inside;
}

/** Only tfjs is provided to student code; anything else is refused at compile time, with where. */
const onlyTfjs: Plugin = {
  name: 'only-tfjs',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === '@tensorflow/tfjs'
        ? { path: args.path, external: true }
        : { errors: [{ text: `imports '${args.path}': submissions may only import @tensorflow/tfjs and their own relative files` }] },
    );
  },
};

/** Strips types and bundles the submission's own relative imports; does not run it. */
export async function compileSubmission(file: string): Promise<CompiledSubmission> {
  try {
    const out = await build({
      entryPoints: [file],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      // Inline so stack traces in the student process point at the student's own lines.
      sourcemap: 'inline',
      sourcesContent: false,
      plugins: [onlyTfjs],
    });
    return { file, code: out.outputFiles[0].text };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (!errors?.length) throw e;
    throw new GraderError('COMPILE', errors.map(formatMessage).join('\n'));
  }
}

function formatMessage(m: Message): string {
  const at = m.location ? `${shown(path.resolve(m.location.file))}:${m.location.line}:${m.location.column + 1}: ` : '';
  const line = m.location?.lineText ? `\n    ${m.location.lineText.trim()}` : '';
  return `${at}${m.text}${line}`;
}
