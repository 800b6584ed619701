import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, stop, type Message } from 'esbuild';
import { GraderError } from '../errors.ts';
import { shown } from '../paths.ts';
import { confineImports } from './confine-imports.ts';

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

/** A few small files compile in well under a second; far longer means something is wrong with the input. */
const COMPILE_LIMIT_MS = 10_000;

/**
 * Stopping esbuild's service (the only way to end a runaway build) leaves
 * every other build in flight unsettled forever: a batch grading several
 * submissions at once restarts those instead of hanging.
 */
const inFlight = new Set<(restart: typeof RESTART) => void>();
const RESTART = Symbol('restart after esbuild was stopped');

/** Strips types and bundles the submission's own relative imports (confined to its folder); does not run it. */
export async function compileSubmission(file: string): Promise<CompiledSubmission> {
  for (;;) {
    try {
      return await compileOnce(file);
    } catch (e) {
      if (e !== RESTART) throw e;
    }
  }
}

async function compileOnce(file: string): Promise<CompiledSubmission> {
  const timeout = new GraderError('COMPILE', `compiling took longer than ${COMPILE_LIMIT_MS / 1000} s and was stopped`);
  let timer: NodeJS.Timeout | undefined;
  let abort: (why: unknown) => void = () => undefined;
  const expired = new Promise<never>((_, reject) => {
    abort = reject;
    timer = setTimeout(() => reject(timeout), COMPILE_LIMIT_MS);
  });
  inFlight.add(abort);
  try {
    return await Promise.race([bundle(file), expired]);
  } catch (e) {
    if (e === timeout) {
      inFlight.delete(abort);
      const others = [...inFlight];
      // Stopping esbuild's service ends the runaway build; the next build starts a fresh one, so the others restart once it is down.
      await stop();
      for (const other of others) other(RESTART);
    }
    throw e;
  } finally {
    clearTimeout(timer);
    inFlight.delete(abort);
  }
}

async function bundle(file: string): Promise<CompiledSubmission> {
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
      plugins: [confineImports(path.dirname(file))],
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
