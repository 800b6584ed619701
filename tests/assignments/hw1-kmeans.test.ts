import { describe, expect, it } from 'vitest';
import { gradeFile, writeVariant } from '../support/grade.ts';
import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from '../../solutions/hw1-kmeans/variants.ts';

assignmentSuite('hw1', { bugs, alternatives });

describe('hw1: bugs that only hidden cases used to catch fail a public case', () => {
  it.each([
    ['ignores-tol', 'kmeans', 'tol-stop'],
    ['one-hot-membership', 'updateCenters', 'k-1'],
    ['one-hot-membership', 'kmeans', 'k-1'],
    ['ties-to-last-index', 'kmeans', 'ties'],
    ['plusplus-first-center-rounded', 'kmeansPlusPlusInit', 'k-1'],
    ['expanded-distances-unclamped', 'pairwiseSqDistances', 'duplicates'],
  ])('%s fails %s/%s', async (name, part, publicCase) => {
    const r = await gradeFile('hw1', writeVariant('hw1', bugs.find((b) => b.name === name)!));
    const c = r.parts.find((p) => p.id === part)!.cases.find((k) => k.id === publicCase)!;
    expect([c.visibility, c.status === 'passed']).toEqual(['public', false]);
  });
});
