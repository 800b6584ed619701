import { describe, expect, it } from 'vitest';
import type { Results } from '../../grader/results/results.ts';
import { gradeFile, writeVariant, type Variant } from '../support/grade.ts';
import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs, logSigmoidInTheSteps } from '../../solutions/hw7-gan/variants.ts';

assignmentSuite('hw7', { bugs, alternatives });

const bug = (name: string): Variant => bugs.find((b) => b.name === name)!;

/** The message of the first public case of `part` that did not pass. */
const firstFailure = (r: Results, part: string): string =>
  r.parts.find((p) => p.id === part)!.cases.find((c) => c.visibility === 'public' && c.status !== 'passed')!.message;

/** Several bugs in one submission, graded once: each part's report is read separately. */
const combined: Variant = {
  name: 'combined-bugs',
  edits: [
    ...bug('discriminator-loss-sign-flipped').edits,
    ...bug('optimal-discriminator-without-zero-rule').edits,
    ...bug('jensen-shannon-in-bits').edits,
    ...bug('discriminator-step-moves-generator').edits,
    { find: 'export function generatorLossNonSaturating(', replace: 'export async function generatorLossNonSaturating(' },
    { find: 'const [x, z] = [sampleData(batchSize, rng),', replace: 'const [x, z] = [(sampleData as unknown as (n: number) => tf.Tensor2D)(batchSize),' },
  ],
  description: 'several bugs at once',
  loses: [],
};

describe('hw7: what a student reads about a failure', () => {
  it('names the known bug, the moved network, a loss that cannot be differentiated, and a sampler called without rng', async () => {
    const r = await gradeFile('hw7', writeVariant('hw7', combined));
    expect(firstFailure(r, 'discriminatorLoss')).toContain('diagnosis: the sign is flipped');
    expect(firstFailure(r, 'optimalDiscriminator')).toContain('NaN where pData = pModel = 0');
    expect(firstFailure(r, 'jensenShannon')).toContain('JSD in bits');
    expect(firstFailure(r, 'discriminatorStep')).toMatch(/inputs left intact: .*argument 2\.W\[0\] \(replaced in its object\)/);
    const gradientCase = r.parts.find((p) => p.id === 'generatorLossNonSaturating')!.cases.find((c) => c.id === 'gradient-rejected')!;
    expect(gradientCase.message).toContain('must return its scalar tensor synchronously');
    expect(firstFailure(r, 'trainGAN')).toContain('sampleData(n, rng) draws with the Rng it is given');
  });

  it("tf.logSigmoid's gradient failing inside a step on wasm is a backend bug: the cpu re-run passes it, and the staff note points at tf.logSigmoid", async () => {
    const r = await gradeFile('hw7', writeVariant('hw7', logSigmoidInTheSteps), { backend: 'wasm' });
    expect(r.score).toBe(100);
    const onCpu = r.parts.filter((p) => ['discriminatorStep', 'generatorStep', 'trainGAN'].includes(p.id)).flatMap((p) => p.cases);
    for (const c of onCpu) expect(c.message).toContain('passed on cpu (the wasm backend got this case wrong');
    expect(r.warnings.join('\n')).toContain('failed on the wasm backend but passed on cpu');
    expect(r.staff.join('\n')).toContain('tf.logSigmoid: its gradient fails when its input is computed inside the function');
  });
});
