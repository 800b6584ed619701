import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeStub } from '../../grader/authoring/make-stub.ts';
import { listAssignments, loadAssignment } from '../../grader/definition/load-assignment.ts';

describe('stubs come from the reference solutions', () => {
  it.each(listAssignments())('the committed stub of %s is exactly what the generator makes', (name) => {
    const a = loadAssignment(name);
    const reference = readFileSync(path.join(a.solutionDir, a.manifest.entry), 'utf8');
    expect(readFileSync(path.join(a.dir, a.manifest.entry), 'utf8')).toBe(makeStub(a.manifest.entry, reference));
  });

  it('keeps signatures, doc comments and helpers, and names the function in the throw', () => {
    const source = [
      "import * as tf from '@tensorflow/tfjs';",
      '/** A helper students get. */',
      'export function helper(x: number): number {',
      '  return x + 1;',
      '}',
      '/** Doubles x. */',
      'export const twice = (x: tf.Tensor): tf.Tensor => {',
      '  // BEGIN SOLUTION',
      '  return tf.mul(x, 2);',
      '  // END SOLUTION',
      '};',
    ].join('\n');
    const stub = makeStub('f.ts', source);
    expect(stub).toContain('/** A helper students get. */\nexport function helper(x: number): number {\n  return x + 1;\n}');
    expect(stub).toContain("/** Doubles x. */\nexport const twice = (x: tf.Tensor): tf.Tensor => {\n  throw new Error('Not implemented: twice (f.ts)');\n};");
    expect(stub).not.toContain('tf.mul');
  });

  it.each([
    ['an unclosed region', 'function f() {\n  // BEGIN SOLUTION\n  return 1;\n}', /f\.ts:2: \/\/ BEGIN SOLUTION is never closed/],
    ['an END without BEGIN', 'function f() {\n  return 1;\n  // END SOLUTION\n}', /f\.ts:3: \/\/ END SOLUTION without/],
    ['a region outside a function', '// BEGIN SOLUTION\nconst x = 1;\n// END SOLUTION', /f\.ts:1: .* is not inside a named function/],
  ])('rejects %s with the line', (_, source, message) => {
    expect(() => makeStub('f.ts', source)).toThrow(message);
  });
});
