import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hiddenKindsWithoutSibling, kindOf } from '../../grader/authoring/case-kinds.ts';
import type { GeneratorTable } from '../../grader/definition/generator.ts';
import { listAssignments, loadAssignment } from '../../grader/definition/load-assignment.ts';

describe('every hidden case has a public sibling (design invariant 6)', () => {
  it.each(listAssignments())('%s: each kind of input a hidden case exercises appears in a public case of its part', async (name) => {
    const a = loadAssignment(name);
    const { generators } = (await import(pathToFileURL(path.join(a.solutionDir, 'cases.ts')).href)) as { generators: GeneratorTable };
    expect(hiddenKindsWithoutSibling(a, generators)).toEqual([]);
  });

  it('reads a kind from the params: edge sizes, equal sizes, values, ranges; not the sizes themselves', () => {
    const sizes = ['n', 'd', 'k'];
    expect(kindOf({ generator: 'g', params: { n: 40, d: 3, k: 1, tol: 0.5, layout: 'grid', empty: [0, 3] } }, sizes)).toEqual([
      'generator=g',
      'layout="grid"',
      'empty=[...]',
      'k=1',
      'tol:(0,1)',
    ]);
    expect(kindOf({ generator: 'g', params: { n: 8, d: 2, k: 8, tol: 0 } }, sizes)).toEqual(['generator=g', 'tol:0', 'n=k']);
    expect(kindOf({ generator: 'g', params: { n: 80, d: 4, k: 5 } }, sizes)).toEqual(kindOf({ generator: 'g', params: { n: 20, d: 2, k: 3 } }, sizes));
  });
});
