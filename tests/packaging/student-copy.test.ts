import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import type { Results } from '../../grader/results/results.ts';
import { bugs as hw3Bugs } from '../../solutions/hw3-rbm/variants.ts';
import { failures, referenceFile, writeVariant, type Variant } from '../support/grade.ts';
import { copyAssignment, studentCopy } from '../support/student-copy.ts';

const gradeInCopy = (short: string, file: string) => gradeSubmission({ assignment: copyAssignment(short), file, backend: 'wasm', memoryMb: 2048 });

/** `npm run grade` as a student runs it in their copy (the command package.json names). */
function cliInCopy(...args: string[]): { code: number | null; out: string; results: Results } {
  const root = studentCopy();
  const json = path.join(root, `results-${args.join('-').replace(/\W+/g, '_').slice(-40)}.json`);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/precompiled.mjs'), 'grader/cli/grade.ts', ...args, '--json', json], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', INIT_CWD: root },
  });
  return { code: r.status, out: r.stdout + r.stderr, results: JSON.parse(readFileSync(json, 'utf8')) as Results };
}

const bug = (name: string): Variant => hw3Bugs.find((b) => b.name === name)!;

describe("a student's copy of the course", () => {
  it('ships no solutions, no hidden fixtures and no tests', () => {
    const root = studentCopy();
    expect(existsSync(path.join(root, 'solutions'))).toBe(false);
    expect(existsSync(path.join(root, 'tests'))).toBe(false);
    for (const hw of readdirSync(path.join(root, 'fixtures'))) expect(readdirSync(path.join(root, 'fixtures', hw))).toEqual(['public']);
    expect(existsSync(path.join(root, 'grader/cli/grade.ts'))).toBe(true);
    expect(existsSync(path.join(root, 'assignments/hw3-rbm/rbm.ts'))).toBe(true);
  });

  it('grades a correct hw3 to full local marks, trainRBM included (its likelihood gain is judged in the copy)', () => {
    const { code, out, results } = cliInCopy('hw3', '--submission', referenceFile('hw3'));
    expect(code).toBe(0);
    expect(failures(results)).toEqual([]);
    expect([results.score, results.maxScore, results.hiddenGraded]).toEqual([100, 100, false]);
    expect(results.parts.find((p) => p.id === 'trainRBM')!.cases[0].checks[0].message).toContain('a gain of');
    expect(out).toContain('Score 100/100 (public cases only)');
  });

  it('names the mean-field chain in hw3 on a public case, from the fixture alone', () => {
    const { out, results } = cliInCopy('hw3', '--submission', writeVariant('hw3', bug('mean-field-chain')));
    const cd = results.parts.find((p) => p.id === 'cdGradients')!;
    expect(cd.cases.find((c) => c.status === 'failed')!.diagnosis).toContain('the chain carries probabilities instead of samples');
    expect(results.parts.find((p) => p.id === 'trainRBM')!.score).toBe(0);
    expect(out).toContain('diagnosis: the chain carries probabilities instead of samples');
  });

  it.each([
    ['statistics-summed', 'cdGradients', 'average the statistics over the batch instead of summing them'],
    ['free-energy-missing-visible-term', 'freeEnergy', 'the term -v.b is missing'],
    ['log-partition-missing-state', 'logPartition', 'as if states were missing'],
  ])('shows the diagnosis of %s', async (name, part, diagnosis) => {
    const r = await gradeInCopy('hw3', writeVariant('hw3', bug(name)));
    expect(r.parts.find((p) => p.id === part)!.cases.find((c) => c.status === 'failed')!.diagnosis).toContain(diagnosis);
  });

  it.each(['hw1', 'hw2'])('grades the reference of %s to full local marks', async (hw) => {
    const r = await gradeInCopy(hw, referenceFile(hw));
    expect(failures(r)).toEqual([]);
    expect([r.score, r.maxScore]).toEqual([100, 100]);
  });

  it("counts a case's fixture checks when one of its properties is the course grader's (hw2 trainLinearAE)", async () => {
    const r = await gradeInCopy('hw2', referenceFile('hw2'));
    const train = r.parts.find((p) => p.id === 'trainLinearAE')!;
    expect(train.decidedElsewhere).toBeUndefined();
    expect(train.score).toBe(train.maxScore);
    expect(train.cases[0].status).toBe('passed');
    expect(train.cases[0].message).toContain("decided by the course's grader");
  });
});

