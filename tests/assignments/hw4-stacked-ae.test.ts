import { describe, expect, it } from 'vitest';
import { graderTf } from '../../grader/judge/grader-tf.ts';
import { checkAgainstAutodiff } from '../../solutions/hw4-stacked-ae/autodiff.ts';
import { layerGradients, layerLoss } from '../../solutions/hw4-stacked-ae/stacked_ae.ts';
import { assignmentSuite } from '../support/assignment-suite.ts';
import { gradeFile, writeVariant } from '../support/grade.ts';
import { alternatives, bugs } from '../../solutions/hw4-stacked-ae/variants.ts';

assignmentSuite('hw4', { bugs, alternatives });

describe('hw4: fixtures cannot carry a hand-derivation mistake', () => {
  it('the fixture-time check passes the reference and rejects gradients or a loss that disagree with autodiff', async () => {
    const tf = await graderTf();
    const x = tf.tensor2d([0.1, 0.9, 0.4, 0.7, 0.2, 0.5, 0.3, 0.8, 0.6], [3, 3]);
    const layer = { W: tf.tensor2d([0.5, -1, 0.8, 0.3, -0.4, 1.2], [3, 2]), b: tf.tensor1d([0.1, -0.2]), bPrime: tf.tensor1d([0.3, 0, -0.1]) };
    const hyper = { lambda: 0.01, beta: 1, rho: 0.1 };
    const reference = { layerLoss, layerGradients };
    expect(() => checkAgainstAutodiff(tf, reference, x, layer, hyper)).not.toThrow();
    const noSparsityInBackward = { layerLoss, layerGradients: (...[xs, l, h]: Parameters<typeof layerGradients>) => layerGradients(xs, l, { ...h, beta: 0 }) };
    expect(() => checkAgainstAutodiff(tf, noSparsityInBackward, x, layer, hyper)).toThrow("layerGradients' dW, db differ from autodiff");
    const decayFullLambda = { layerLoss: (...[xs, l, h]: Parameters<typeof layerLoss>) => layerLoss(xs, l, { ...h, lambda: 2 * h.lambda }), layerGradients };
    expect(() => checkAgainstAutodiff(tf, decayFullLambda, x, layer, hyper)).toThrow('layerLoss differs from the staff loss');
    tf.dispose([x, layer]);
  });
});

describe('hw4: a failed public case names the known bug it matches', () => {
  it.each([
    ['loss-decay-full-lambda', 'layerLoss', 'decay', 'the weight decay is lambda * sum W^2'],
    ['gradients-rhohat-per-example', 'layerGradients', 'sparse', "the sparsity penalty uses each example's code instead of rhohat_j"],
    ['dw-missing-decoder-path', 'layerGradients', 'plain', 'dW has only the encoder path'],
    ['greedy-trains-every-layer-on-x', 'greedyPretrain', 'square-first', 'layer 1 was trained on the raw data X'],
    ['greedy-codes-of-untrained-layers', 'greedyPretrain', 'two-layers', 'layer 1 was trained on the codes of the untrained layers0'],
    ['greedy-trains-on-reconstructions', 'greedyPretrain', 'square-first', "layer 1 was trained on layer 0's reconstructions"],
    ['encode-stack-last-layer-linear', 'encodeStack', 'one-layer', 'the last layer is left linear'],
  ])('%s', async (name, part, caseId, diagnosis) => {
    const r = await gradeFile('hw4', writeVariant('hw4', bugs.find((b) => b.name === name)!));
    const failed = r.parts.find((p) => p.id === part)!.cases.find((c) => c.id === caseId)!;
    expect(failed.status).toBe('failed');
    expect(failed.message).toContain('diagnosis: ');
    expect(failed.message).toContain(diagnosis);
  });
});

describe('hw4: the graded property holds greedyPretrain to the codes of the trained layers below', () => {
  it.each([
    ['greedy-codes-of-untrained-layers', 'two-layers', 'layer 1 is not 15 gradient-descent steps from layers0[1] on the codes of your trained layer 0'],
    ['gradients-kl-reversed', 'one-layer', 'layer 0 is not 15 gradient-descent steps from layers0[0] on X'],
  ])('%s fails it on %s', async (name, caseId, message) => {
    const r = await gradeFile('hw4', writeVariant('hw4', bugs.find((b) => b.name === name)!));
    const failed = r.parts.find((p) => p.id === 'greedyPretrain')!.cases.find((c) => c.id === caseId)!;
    expect(failed.message).toContain(`trainedOnCodesBelow: ${message}`);
  });
});
