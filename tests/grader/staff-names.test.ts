import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFixtures } from '../../grader/authoring/make-fixtures.ts';
import { HIDDEN_CASES_FILE, loadAssignment } from '../../grader/definition/load-assignment.ts';
import { GraderError } from '../../grader/errors.ts';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import { courseCopy } from '../support/course-copy.ts';
import { syntheticAssignment } from '../support/synthetic.ts';

type Json = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test edits of arbitrary JSON

/** hw3 with its hidden cases edited, graded: the error must come before any student code runs. */
async function gradeEditedHw3(edit: (hidden: Json) => void): Promise<unknown> {
  const layout = courseCopy('hw3-rbm', { solutions: true, hidden: true });
  const file = path.join(layout.solutions, 'hw3-rbm', HIDDEN_CASES_FILE);
  const hidden = JSON.parse(readFileSync(file, 'utf8')) as Json;
  edit(hidden);
  writeFileSync(file, JSON.stringify(hidden));
  const a = loadAssignment('hw3', layout);
  // A submission that cannot load: had the student process run, every case would fail instead of the error below.
  const broken = path.join(layout.root, 'broken.ts');
  writeFileSync(broken, 'throw new Error("student code ran");\n');
  return gradeSubmission({ assignment: a, file: broken, backend: 'cpu', memoryMb: 1024 }).catch((e: unknown) => e);
}

describe('staff names are resolved before any student code runs', () => {
  it('a misspelt property names the hidden-cases file and the JSON path', async () => {
    const e = await gradeEditedHw3((h) => (h.parts.trainRBM[0].checks = [{ comparator: 'property', property: 'likelihoodGian', options: { margin: 1, why: 'x' } }]));
    expect(e).toBeInstanceOf(GraderError);
    expect((e as GraderError).code).toBe('BAD_DEFINITION');
    expect((e as GraderError).message).toMatch(/hidden-cases\.json: \/parts\/trainRBM\/0\/checks\/0\/property: no property 'likelihoodGian' in .*properties\.ts \(known: likelihoodGain\)/);
  });

  it("a property's misspelt option is an error, not a default", async () => {
    const e = await gradeEditedHw3((h) => (h.parts.trainRBM[0].checks = [{ comparator: 'property', property: 'likelihoodGain', options: { margn: 1, why: 'x' } }]));
    expect((e as GraderError).message).toMatch(/\/parts\/trainRBM\/0\/checks\/0\/options: must have required property 'margin'/);
  });

  it('a misspelt diagnosis names where it is declared', async () => {
    const e = await gradeEditedHw3((h) => (h.parts.cdGradients[0].diagnosis = 'dc'));
    expect((e as GraderError).message).toMatch(/hidden-cases\.json: \/parts\/cdGradients\/0\/diagnosis: no diagnosis 'dc'/);
  });

  it("a generator's params are checked against its schema when fixtures are made", async () => {
    const a = syntheticAssignment({
      generators: "{ one: { params: { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false }, generate: () => ({ args: [1] }) } }",
      cases: [{ id: 'c', seed: 1, generator: 'one', checks: [{ comparator: 'scalar' }] }],
    });
    a.manifest.parts[0].cases[0].params = { m: 3 };
    await expect(makeFixtures(a)).rejects.toThrow(/params: must NOT have additional properties \('m'\)/);
  });
});
