import { describe, expect, it } from 'vitest';
import type { Results } from '../../grader/results/results.ts';
import { gradeFile, writeVariant } from '../support/grade.ts';
import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from '../../solutions/hw5-vae/variants.ts';

assignmentSuite('hw5', { bugs, alternatives });

/**
 * A bug's grading, the one the suite above made: the same file under the same
 * (default) options hits gradeFile's per-worker cache, so these checks grade
 * nothing again. Options passed here would grade the bug a second time.
 */
const gradeBug = (name: string): Promise<Results> => {
  const bug = bugs.find((b) => b.name === name);
  if (!bug) throw new Error(`no hw5 bug named '${name}'`);
  return gradeFile('hw5', writeVariant('hw5', bug));
};

describe('hw5: a failed case names the known bug it matches', () => {
  it.each([
    ['reparameterize-scaled-by-log-variance', 'reparameterize', 'z = mu + eps * logVar'],
    ['reparameterize-scaled-by-variance', 'reparameterize', 'scaled by the variance exp(logVar)'],
    ['kl-sign-flipped', 'gaussianKL', 'the KL has the wrong sign'],
    ['kl-missing-minus-one', 'gaussianKL', 'the -1 inside the sum is missing'],
    ['kl-averaged-over-latent-dimensions', 'gaussianKL', 'the mean over the latent dimensions'],
    ['bernoulli-naive-log-sigmoid', 'bernoulliLogLikelihood', 'Use the stable form x*l - softplus(l)'],
    ['bernoulli-naive-log-sigmoid', 'elbo', 'recon is NaN or Infinity'],
    ['gaussian-likelihood-standard-deviation', 'gaussianLogLikelihood', 'divided by the standard deviation'],
    ['elbo-adds-kl', 'elbo', 'elbo = recon + kl'],
    ['iwae-mean-of-log-weights', 'iwaeBound', 'the mean of the log weights'],
    ['iwae-without-log-k', 'iwaeBound', 'subtract log K after the log-sum-exp'],
    ['iwae-analytic-kl', 'iwaeBound', 'the weights use the analytic KL'],
    ['iwae-inconsistent-constants', 'iwaeBound', 'off by 0.5 m log(2 pi)'],
  ])('%s (%s)', async (name, part, diagnosis) => {
    const r = await gradeBug(name);
    const first = r.parts.find((p) => p.id === part)!.cases.find((c) => c.visibility === 'public' && c.status === 'failed')!;
    expect(first.message).toContain('diagnosis: ');
    expect(first.message).toContain(diagnosis);
  });

  it('the graded properties say what failed: the K = 1 identity, the monotone mean, the ELBO reached', async () => {
    const analytic = await gradeBug('iwae-analytic-kl');
    const k1 = analytic.parts.find((p) => p.id === 'iwaeBound')!.cases.find((c) => c.id === 'k-1')!;
    expect(k1.message).toContain('it equals the elbo with the analytic KL instead');
    const meanLog = await gradeBug('iwae-mean-of-log-weights');
    const k50 = meanLog.parts.find((p) => p.id === 'iwaeBound')!.cases.find((c) => c.id === 'k-50')!;
    expect(k50.message).toContain('must not decrease as K grows');
    const ascent = await gradeBug('train-ascends-the-loss');
    expect(ascent.parts.find((p) => p.id === 'trainVAE')!.cases[0].message).toContain('it went down');
  });
});
