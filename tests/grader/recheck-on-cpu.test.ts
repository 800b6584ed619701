import { afterEach, describe, expect, it } from 'vitest';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import type { Results } from '../../grader/results/results.ts';
import { gradeFile, writeVariant } from '../support/grade.ts';

/** Design invariant 5: a submission's grade is the same on every backend, whatever the fast one gets wrong. */
const statuses = (r: Results) => r.parts.flatMap((p) => p.cases.map((c) => `${p.id}/${c.id}: ${c.status}`));
const disagreements = (r: Results) => r.staff.filter((s) => s.startsWith('backend disagreement'));

// A correct hw2 sign rule written with tf.gather(..., batchDims = 1): wrong on tfjs's own wasm kernel (tensorflow/tfjs#8658).
const gatherSignRule = {
  name: 'sign-rule-by-batched-gather',
  edits: [{ find: '    const picked = tf.sum(tf.mul(Q, tf.oneHot(rows, d).transpose()), 0);', replace: '    const picked = tf.gather(Q.transpose(), rows.expandDims(1), 1, 1).reshape([-1]);' }],
};

describe('the cpu re-run', () => {
  afterEach(() => {
    delete process.env.TFGRADE_WASM_KERNEL_FIXES;
  });

  it('gives a submission that trips the wasm gather bug the same grade on wasm as on cpu, and tells the staff', async () => {
    const file = writeVariant('hw2', gatherSignRule);
    const onCpu = await gradeFile('hw2', file, { backend: 'cpu' });
    process.env.TFGRADE_WASM_KERNEL_FIXES = 'off'; // tfjs's kernels as shipped: the bug is live
    // Not through gradeFile, whose per-worker cache would hand this result to the next test.
    const onWasm = await gradeSubmission({ assignment: loadAssignment('hw2'), file, backend: 'wasm', memoryMb: 2048 });
    expect(onCpu.score).toBe(100);
    expect(onWasm.score).toBe(onCpu.score);
    expect(statuses(onWasm)).toEqual(statuses(onCpu));
    const notes = disagreements(onWasm);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.join('\n')).toContain('backend disagreement: topEigenvectors/basic failed on wasm and passed on cpu; wasm said (failed): vectors:');
    expect(notes.join('\n')).toMatch(/max abs error/);
    expect(onWasm.warnings.join('\n')).toMatch(/failed on the wasm backend but passed on cpu/);
  });

  it('with our wasm kernels the same submission passes on wasm itself, with nothing to re-run', async () => {
    const r = await gradeFile('hw2', writeVariant('hw2', gatherSignRule), { backend: 'wasm' });
    expect(r.score).toBe(100);
    expect(disagreements(r)).toEqual([]);
  });

  it('names the op when wasm lacks its kernel (tf.einsum), and the grade matches cpu', async () => {
    const file = writeVariant('hw1', { name: 'distances-by-einsum', edits: [{ find: 'tf.sum(tf.square(diff), 2)', replace: "tf.einsum('ijk,ijk->ij', diff, diff)" }] });
    const [onWasm, onCpu] = [await gradeFile('hw1', file, { backend: 'wasm' }), await gradeFile('hw1', file, { backend: 'cpu' })];
    expect(onWasm.score).toBe(100);
    expect(statuses(onWasm)).toEqual(statuses(onCpu));
    expect(disagreements(onWasm)[0]).toMatch(/^backend disagreement: pairwiseSqDistances\/\S+ failed on wasm and passed on cpu; op Einsum; wasm said \(error\)/);
  });

  it("leaves a student's own bug failed, with no disagreement reported", async () => {
    const file = writeVariant('hw1', { name: 'argmax-instead-of-argmin', edits: [{ find: 'tf.argMin(pairwiseSqDistances(X, C), 1)', replace: 'tf.argMax(pairwiseSqDistances(X, C), 1)' }] });
    const [onWasm, onCpu] = [await gradeFile('hw1', file, { backend: 'wasm' }), await gradeFile('hw1', file, { backend: 'cpu' })];
    expect(onWasm.score).toBeLessThan(100);
    expect(onWasm.score).toBe(onCpu.score);
    expect(disagreements(onWasm)).toEqual([]);
  });
});
