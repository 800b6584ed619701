import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeStub } from '../../grader/authoring/make-stub.ts';
import type { CourseLayout } from '../../grader/definition/course-layout.ts';
import { checkCourse } from '../../grader/release/check-course.ts';
import { courseCopy } from '../support/course-copy.ts';
import { script } from '../support/script.ts';

const HW1 = 'hw1-kmeans';

/** `npm run check` as a person runs it. */
const checkCli = (args: string[]) => script('check', args);

/** A full copy of hw1's course files (solutions and hidden fixtures too) to break. */
const brokenHw1 = (): CourseLayout => courseCopy(HW1, { solutions: true, hidden: true });
const at = (layout: CourseLayout, ...parts: string[]) => path.join(layout.root, ...parts);
const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

/** The problems one item of the check finds in hw1 of `layout`. */
async function problemsOf(layout: CourseLayout, item: string): Promise<string[]> {
  const [check] = await checkCourse(['hw1'], layout, { only: [item] });
  expect(check.items.get(item)?.pass, `${item} should fail`).toBe(false);
  return check.items.get(item)!.problems;
}

describe('npm run check', () => {
  it('proves hw1 ready to release: every item passes, exit 0, one row of ticks', async () => {
    const { status, out } = await checkCli(['hw1']);
    expect(out).toMatch(/hw1-kmeans\s+(✓\s+){8}\d+ s/);
    expect(out).toContain('ready to release: 1 assignment(s)');
    expect(status).toBe(0);
  });

  it('shows the calibration table with --calibration: tolerance, the share used on each backend, the margin', async () => {
    const { out } = await checkCli(['hw1', '--only', 'reference', '--calibration']);
    expect(out).toMatch(/case\s+check\s+tolerance\s+cpu used\s+wasm used\s+margin/);
    // cpu made the fixtures (nothing used); wasm's float32 noise uses a little of the tolerance.
    expect(out).toMatch(/updateCenters\/random-labels\s+output\s+float \(rtol 0\.0001, atol 0\.00001\)\s+0\s+\d\.\de-\d\s+\d+x/);
    expect(out).toMatch(/assignClusters\/blobs\s+output\s+exact\s+-\s+-\s+exact/);
  });

  it('a stale stub: exit 1, the file and the first differing line', async () => {
    const layout = brokenHw1();
    edit(at(layout, 'assignments', HW1, 'kmeans.ts'), (t) => t.replace('export function assignClusters', '// edited by hand\nexport function assignClusters'));
    const { status, out } = await checkCli(['hw1', '--course', layout.root, '--only', 'stub']);
    expect(out).toMatch(/✗ hw1-kmeans stub:\n\s+.*assignments\/hw1-kmeans\/kmeans\.ts is not what 'npm run stubs hw1' makes from the reference \(line \d+: committed `\/\/ edited by hand`, generated `.*`\)/);
    expect(status).toBe(1);
  });

  it('a stub that is generated but does not type-check names the line and the error', async () => {
    const layout = brokenHw1();
    const reference = at(layout, 'solutions', HW1, 'kmeans.ts');
    edit(reference, (t) => `${t}export const broken: number = 'text';\n`);
    writeFileSync(at(layout, 'assignments', HW1, 'kmeans.ts'), makeStub('kmeans.ts', readFileSync(reference, 'utf8')));
    expect(await problemsOf(layout, 'stub')).toEqual([expect.stringMatching(/^does not type-check: .*kmeans\.ts:\d+:14: Type 'string' is not assignable to type 'number'\.$/)]);
  });

  it('a tolerance the reference uses more than a tenth of: the case, the check, the share used and the margin', async () => {
    const layout = brokenHw1();
    // 200 times tighter: wasm's float32 noise (up to ~3e-3 of the committed tolerance) then uses a good part of it.
    edit(at(layout, 'assignments', HW1, 'manifest.json'), (t) => t.replace(/"rtol": 0\.0001,\n(\s+)"atol": 1e-05,\n(\s+)"why": "float32 sums/, '"rtol": 5e-7,\n$1"atol": 5e-8,\n$2"why": "float32 sums'));
    expect(await problemsOf(layout, 'reference')).toContainEqual(
      expect.stringMatching(/^wasm: \w+\/[\w-]+ output: uses \d.*% of its tolerance float \(rtol 5e-7, atol 5e-8\) \(margin \d+(\.\d)?x, at least 10x wanted\)$/),
    );
  });

  it('a stub that implements a part: its score and each case that is not "not implemented"', async () => {
    const layout = brokenHw1();
    const stub = at(layout, 'assignments', HW1, 'kmeans.ts');
    edit(stub, (t) => t.replace(/(export function pairwiseSqDistances[^{]*\{\n)\s*throw new Error\([^\n]*\n/, '$1  return tf.sum(tf.square(tf.sub(tf.expandDims(X, 1), tf.expandDims(C, 0))), 2) as tf.Tensor2D;\n'));
    const problems = await problemsOf(layout, 'stub-0');
    expect(problems[0]).toBe('scores 10, not 0');
    expect(problems).toContainEqual(expect.stringMatching(/^pairwiseSqDistances\/blobs: passed, not 'not implemented'/));
  });

  it('an altered fixture: the file and the line that regenerating changes', async () => {
    const layout = brokenHw1();
    edit(at(layout, 'fixtures', HW1, 'public', 'kmeans.blobs.json'), (t) => t.replace('"attempt": 0', '"attempt": 2'));
    expect(await problemsOf(layout, 'fixtures')).toEqual([
      expect.stringMatching(/^public\/kmeans\.blobs\.json: differs from a regeneration at line \d+: committed `"attempt": 2,`, regenerated `"attempt": 0,`$/),
      "regenerate with 'npm run fixtures hw1' and commit, or find what changed the reference's outputs",
    ]);
  });

  it('a part without hidden cases, and a hidden case without a public sibling', async () => {
    const layout = brokenHw1();
    edit(at(layout, 'solutions', HW1, 'hidden-cases.json'), (t) => {
      const hidden = JSON.parse(t);
      delete hidden.parts.assignClusters;
      return JSON.stringify(hidden);
    });
    edit(at(layout, 'assignments', HW1, 'manifest.json'), (t) => {
      const manifest = JSON.parse(t);
      const part = manifest.parts.find((p: { id: string }) => p.id === 'pairwiseSqDistances');
      part.cases = part.cases.filter((c: { id: string }) => c.id !== 'grid');
      return JSON.stringify(manifest);
    });
    expect(await problemsOf(layout, 'cases')).toEqual(['assignClusters: no hidden case', 'hidden case without a public sibling: pairwiseSqDistances/grid-2: layout="grid"']);
  });

  it('a bug that does not lose the parts it lists, and an alternative that is not one', async () => {
    const layout = brokenHw1();
    const variant = (name: string, find: string, replace: string, loses: string[]) => ({ name, description: name, edits: [{ find, replace }], loses });
    const lists = {
      bugs: [variant('stops-after-one-iteration', 'if (n >= 2 && objectives[n - 2] - objectives[n - 1] <= tol) break;', 'break;', ['kmeans', 'kmeansObjective'])],
      alternatives: [variant('argmax', 'tf.argMin(pairwiseSqDistances(X, C), 1)', 'tf.argMax(pairwiseSqDistances(X, C), 1)', [])],
    };
    writeFileSync(at(layout, 'solutions', HW1, 'variants.ts'), `export const bugs = ${JSON.stringify(lists.bugs)};\nexport const alternatives = ${JSON.stringify(lists.alternatives)};\n`);
    expect(await problemsOf(layout, 'variants')).toEqual([
      "bug 'stops-after-one-iteration' loses kmeans, not kmeans, kmeansObjective",
      expect.stringMatching(/^alternative 'argmax' scores \d+(\.\d+)?, not 100: assignClusters\/blobs: failed: /),
    ]);
  });

  it("solution text, a hidden fixture and the hidden cases in the student's copy", async () => {
    const layout = brokenHw1();
    const handout = at(layout, 'assignments', HW1, 'README.md');
    edit(handout, (t) => `${t}\n    return tf.tidy(() => tf.argMin(pairwiseSqDistances(X, C), 1).toInt() as tf.Tensor1D);\n`);
    copyFileSync(at(layout, 'fixtures', HW1, 'hidden', 'kmeans.blobs-4d.json'), at(layout, 'assignments', HW1, 'notes.json'));
    copyFileSync(at(layout, 'solutions', HW1, 'hidden-cases.json'), at(layout, 'assignments', HW1, 'hidden-cases.json'));
    const problems = await problemsOf(layout, 'student-copy');
    expect(problems).toContainEqual(expect.stringMatching(/^assignments\/hw1-kmeans\/README\.md:\d+: solution text \(kmeans\.ts:\d+\): return tf\.tidy\(\(\) => tf\.argMin/));
    expect(problems).toContain('assignments/hw1-kmeans/notes.json: the expected value of hidden fixture kmeans.blobs-4d.json');
    expect(problems).toContain('assignments/hw1-kmeans/hidden-cases.json: a hidden-cases file');
    expect(problems).toContainEqual(expect.stringMatching(/^assignments\/hw1-kmeans\/hidden-cases\.json: declares hidden cases pairwiseSqDistances\/blobs-5d, pairwiseSqDistances\/grid-2, pairwiseSqDistances\/near-rows-4d, assignClusters\/blobs-4d, /));
  });

  it('a name that does not resolve: the file and the JSON path', async () => {
    const layout = brokenHw1();
    edit(at(layout, 'assignments', HW1, 'manifest.json'), (t) => t.replace('"generator": "distances"', '"generator": "distancez"'));
    expect(await problemsOf(layout, 'definition')).toContainEqual(expect.stringMatching(/manifest\.json: \/parts\/0\/.*generator: no generator 'distancez' in cases\.ts/));
  });
});
