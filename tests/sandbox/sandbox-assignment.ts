import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Assignment, Manifest } from '../../grader/definition/manifest.ts';

/** The reference: two small parts, so a hostile submission grades in about a second. */
const SOLUTION = `import * as tf from '@tensorflow/tfjs';
export function scale(x: tf.Tensor, k: number): tf.Tensor {
  return tf.mul(x, k);
}
export function total(x: tf.Tensor): tf.Tensor {
  return tf.sum(x);
}
`;

const GENERATORS = `export const generators = {
  scaled: { params: { type: 'object' }, generate: (p, ctx) => ({ args: [ctx.tf.tensor1d([ctx.random(), ctx.random(), ctx.random()]), 3] }) },
  summed: { params: { type: 'object' }, generate: (p, ctx) => ({ args: [ctx.tf.tensor1d([ctx.random(), ctx.random()])] }) },
};
`;

const close = [{ comparator: 'allclose', tolerance: 'float' }];

/**
 * `scale` (60 points: a public and a hidden case) is what hostile
 * submissions attack; `total` (40 points) is innocent and must be graded
 * whatever `scale` did. Built in a temp folder with its fixtures' folder.
 */
export function sandboxAssignment(): Assignment {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-sandbox-hw-'));
  writeFileSync(path.join(dir, 'solution.ts'), SOLUTION);
  writeFileSync(path.join(dir, 'cases.ts'), GENERATORS);
  const manifest: Manifest = {
    schemaVersion: 1,
    id: 'hw0-sandbox',
    title: 'sandbox',
    entry: 'solution.ts',
    timeLimitMs: 5000,
    tolerances: { float: { rtol: 1e-4, atol: 1e-5, why: 'cpu and wasm agree to ~1e-7 on these elementwise ops' } },
    parts: [
      {
        id: 'scale',
        name: 'scale',
        points: 60,
        cases: [
          { id: 'p1', visibility: 'public', seed: 1, generator: 'scaled', params: {}, checks: close },
          { id: 'h1', visibility: 'hidden', seed: 2, generator: 'scaled', params: {}, checks: close },
        ],
      },
      { id: 'total', name: 'total', points: 40, cases: [{ id: 'p1', visibility: 'public', seed: 3, generator: 'summed', params: {}, checks: close }] },
    ],
  };
  return { manifest, short: 'hw0', dir, solutionDir: dir, fixturesDir: path.join(dir, 'fixtures'), hiddenDeclared: true };
}
