import vm from 'node:vm';
import type * as tfjs from '@tensorflow/tfjs';

export type SubmissionExports = { [name: string]: unknown };

/**
 * Evaluates the compiled submission with a `require` that hands it this
 * process's tfjs (the one whose backend is already set) and nothing else.
 */
export function loadSubmission(code: string, entry: string, tf: typeof tfjs): SubmissionExports {
  const module = { exports: {} as SubmissionExports };
  const require = (name: string): unknown => {
    if (name === '@tensorflow/tfjs') return tf;
    throw new Error(`${entry} requires '${name}': submissions may only import @tensorflow/tfjs`);
  };
  const wrapper = vm.runInThisContext(`(function (exports, require, module) {${code}\n})`, { filename: entry });
  wrapper(module.exports, require, module);
  return module.exports;
}
