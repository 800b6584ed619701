import Module from 'node:module';
import type * as tfjs from '@tensorflow/tfjs';

export type SubmissionExports = { [name: string]: unknown };

type CompilableModule = Module & { _compile(code: string, filename: string): void };

/**
 * Evaluates the compiled submission as a CommonJS module whose `require`
 * hands it this process's tfjs (the one whose backend is already set) and
 * nothing else. Compiling through Module keeps the inline source map, so
 * stack traces name the student's own lines.
 */
export function loadSubmission(code: string, entry: string, tf: typeof tfjs): SubmissionExports {
  // Enabled only now: source maps slow the loading of every module after this (tfjs's backends).
  process.setSourceMapsEnabled(true);
  const filename = `/submission/${entry}`;
  const mod = new Module(filename) as CompilableModule;
  mod.require = ((name: string): unknown => {
    if (name === '@tensorflow/tfjs') return tf;
    throw new Error(`${entry} requires '${name}': submissions may only import @tensorflow/tfjs`);
  }) as NodeJS.Require;
  mod._compile(code, filename);
  return mod.exports as SubmissionExports;
}
