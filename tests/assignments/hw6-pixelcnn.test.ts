import { describe, expect, it } from 'vitest';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import { drawMaskDifference } from '../../solutions/hw6-pixelcnn/mask-picture.ts';
import { createMask } from '../../solutions/hw6-pixelcnn/pixelcnn.ts';
import { assignmentSuite } from '../support/assignment-suite.ts';
import { courseCopy } from '../support/course-copy.ts';
import { gradeFile, referenceFile, writeVariant } from '../support/grade.ts';
import { alternatives, bugs } from '../../solutions/hw6-pixelcnn/variants.ts';

assignmentSuite('hw6', { bugs, alternatives });

describe('hw6: a wrong mask is drawn', () => {
  it('expected beside returned for the first wrong (in, out) pair, differing taps in brackets, with the rule they break', () => {
    const want = createMask(3, 3, 1, 1, 'A', 1);
    const got = Float32Array.from([1, 1, 1, 1, 0, 0, 1, 1, 1]);
    expect(drawMaskDifference(got, want.dataSync(), want.shape, 'A', 1)).toBe(
      [
        '1 of 1 (in, out) channel pairs are wrong; the first, input channel 0 -> output channel 0 (3x3, type A, groups 1; 1 = tap used, . = masked out, [ ] = differs):',
        '  expected     returned',
        '   1  1  1      1  1  1',
        '   1  .  .      1  .  .',
        '   .  .  .     [1][1][1]',
        'hint: the rows below the centre are 0 (rows count from the top: the centre row is floor(kh/2))',
      ].join('\n'),
    );
  });

  it('names channels by colour group with groups 3, and agrees with a right mask', () => {
    const want = createMask(1, 1, 6, 3, 'A', 3);
    const got = createMask(1, 1, 6, 3, 'B', 3);
    expect(drawMaskDifference(got.dataSync(), want.dataSync(), want.shape, 'A', 3)).toContain('6 of 18 (in, out) channel pairs are wrong; the first, input channel 0 (R) -> output channel 0 (R)');
    expect(drawMaskDifference(want.dataSync(), want.dataSync(), want.shape, 'A', 3)).toBeUndefined();
  });
});

describe('hw6: a failed case names the bug or the first violation', () => {
  it.each([
    ['rows-below-kept', 'createMask', 'a-3x3', '   .  .  .     [1][1][1]'],
    ['type-b-first-layer', 'pixelCnnForward', 'causal-rgb', 'causal: the logits of pixel (0,0) channel G depend on input pixel (0,0) channel G'],
    ['g-sees-b', 'pixelCnnForward', 'causal-rgb', 'causal: the logits of pixel (0,0) channel R depend on input pixel (0,0) channel G'],
    ['rows-below-kept', 'pixelCnnForward', 'causal-gray', 'Hint: rows below the centre must be masked out'],
    ['output-reshaped-k-c', 'pixelCnnForward', 'rgb', 'laid out as [.., K, C]'],
    ['mask-not-applied', 'maskedConv2d', 'b-3x3', 'multiply the filters by the mask'],
    ['bits-in-nats', 'bitsPerDim', 'gray', 'the value is in nats'],
    ['bits-softmax-wrong-axis', 'bitsPerDim', 'gray', 'normalised over the channels (axis 3)'],
    ['sample-argmax', 'sample', 'gray', 'not the argmax'],
    ['sample-column-major', 'sample', 'gray', 'column by column'],
    ['sample-levels-not-scaled', 'sample', 'gray', 'the first level that differs, in raster order, is image 0 pixel'],
  ])('%s: %s/%s', async (name, part, id, text) => {
    const r = await gradeFile('hw6', writeVariant('hw6', bugs.find((b) => b.name === name)!));
    const c = r.parts.find((p) => p.id === part)!.cases.find((k) => k.id === id)!;
    expect(c.status).toBe('failed');
    expect(c.message).toContain(text);
  });
});

describe("hw6 on a student's copy (no staff code)", () => {
  it("grades the masks by exact equality, and the causality cases by their logits (the causality property is the course grader's)", async () => {
    const a = loadAssignment('hw6', courseCopy('hw6-pixelcnn', { solutions: false, hidden: false }));
    const r = await gradeSubmission({ assignment: a, file: referenceFile('hw6'), backend: 'wasm', memoryMb: 2048 });
    const skipped = r.parts.flatMap((p) => p.cases.filter((c) => c.status === 'skipped').map((c) => `${p.id}/${c.id}`));
    // A case's fixture checks count when one of its properties is staff-only: the causal cases are graded on their logits.
    expect(skipped).toEqual([]);
    const causal = r.parts.find((p) => p.id === 'pixelCnnForward')!.cases.filter((c) => c.id.startsWith('causal'));
    expect(causal.map((c) => c.status)).toEqual(['passed', 'passed']);
    expect(r.parts.every((p) => p.score === p.maxScore)).toBe(true);
  });
});
