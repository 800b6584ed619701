import { describe, expect, it } from 'vitest';
import { gradeFile, writeVariant } from '../support/grade.ts';

describe('messages that lead to the fix', () => {
  it('say a missing field once, and "threw:" without a stray space when no line of the submission is on the stack', async () => {
    const file = writeVariant('hw1', {
      name: 'missing-field-and-string-throw',
      edits: [
        { find: 'return { centers: C, labels: labels!, objectives, iterations: objectives.length };', replace: 'return { centers: C, labels: labels!, iterations: objectives.length } as unknown as KMeansResult;' },
        { find: 'export async function kmeansPlusPlusInit(X: tf.Tensor2D, k: number, u: tf.Tensor1D): Promise<tf.Tensor2D> {', replace: "export async function kmeansPlusPlusInit(X: tf.Tensor2D, k: number, u: tf.Tensor1D): Promise<tf.Tensor2D> {\n  if (k > 0) throw 'boom';" },
      ],
    });
    const r = await gradeFile('hw1', file);
    const kmeans = r.parts.find((p) => p.id === 'kmeans')!.cases[0];
    expect(kmeans.message.match(/^objectives: the output has no 'objectives'/gm)).toHaveLength(1);
    const plusplus = r.parts.find((p) => p.id === 'kmeansPlusPlusInit')!.cases[0];
    expect(plusplus.message).toBe('threw: a non-Error value (boom)');
  });
});
