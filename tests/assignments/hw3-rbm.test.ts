import { describe, expect, it } from 'vitest';
import { gradeFile, writeVariant } from '../support/grade.ts';
import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from './hw3-rbm.variants.ts';

assignmentSuite('hw3', { bugs, alternatives });

describe('hw3: a failed case names the known bug it matches', () => {
  it.each([
    ['mean-field-chain', 'cdGradients', 'the chain carries probabilities instead of samples'],
    ['statistics-summed', 'cdGradients', 'average the statistics over the batch instead of summing them'],
    ['free-energy-missing-visible-term', 'freeEnergy', 'the term -v.b is missing'],
    ['log-partition-missing-state', 'logPartition', 'as if states were missing'],
  ])('%s', async (name, part, diagnosis) => {
    const r = await gradeFile('hw3', writeVariant('hw3', bugs.find((b) => b.name === name)!));
    const first = r.parts.find((p) => p.id === part)!.cases.find((c) => c.visibility === 'public' && c.status === 'failed')!;
    expect(first.message).toContain(`diagnosis: `);
    expect(first.message).toContain(diagnosis);
  });
});
