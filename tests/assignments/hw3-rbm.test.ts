import { describe, expect, it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { gradeFile, lostParts, writeVariant } from '../support/grade.ts';
import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from '../../solutions/hw3-rbm/variants.ts';

assignmentSuite('hw3', { bugs, alternatives });

describe('hw3: a failed case names the known bug it matches', () => {
  it.each([
    ['mean-field-chain', 'cdGradients', 'the chain carries probabilities instead of samples'],
    ['statistics-summed', 'cdGradients', 'average the statistics over the batch instead of summing them'],
    ['free-energy-missing-visible-term', 'freeEnergy', 'the term -v.b is missing'],
    ['log-partition-missing-state', 'logPartition', 'as if states were missing'],
    // Regression: a sum over the rows was blamed on log Z ("a log Z that misses states makes it too high").
    ['average-summed', 'averageLogLikelihood', 'the output is sum(-F(v)) - log Z'],
  ])('%s', async (name, part, diagnosis) => {
    const r = await gradeFile('hw3', writeVariant('hw3', bugs.find((b) => b.name === name)!));
    const first = r.parts.find((p) => p.id === part)!.cases.find((c) => c.visibility === 'public' && c.status === 'failed')!;
    expect(first.message).toContain(`diagnosis: `);
    expect(first.message).toContain(diagnosis);
  });
});

describe('hw3: outputs the staff code does not expect cost their cases, not the grading run', () => {
  it('malformed outputs of property- and diagnosis-judged functions', async () => {
    const edits = [
      { find: 'export function cdGradients(', replace: 'export function cdGradients0(' },
      { find: 'export function trainRBM(', replace: 'export function trainRBM0(' },
    ];
    const source = `\nexport function cdGradients() { return { dW: 'no', db: 1 }; }\nexport function trainRBM() { return null; }\n`;
    const file = writeVariant('hw3', { name: 'malformed-outputs', edits });
    appendFileSync(file, source);
    const r = await gradeFile('hw3', file);
    expect(lostParts(r)).toEqual(['cdGradients', 'trainRBM']);
    expect(r.parts.find((p) => p.id === 'cdGradients')!.cases[0].message).toContain("expected a float32 tensor of shape");
    expect(r.parts.find((p) => p.id === 'trainRBM')!.cases[0].status).toBe('failed');
  });
});
