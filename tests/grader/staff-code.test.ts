import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFixtures } from '../../grader/authoring/make-fixtures.ts';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import { syntheticAssignment } from '../support/synthetic.ts';

describe('staff code that throws on an unexpected output', () => {
  it('costs the check (a property) or nothing (a diagnosis), never the grading run', async () => {
    const a = syntheticAssignment({
      generators: "{ one: { params: { type: 'object' }, generate: () => ({ args: [1] }) } }",
      properties: [
        "export const properties = { boom: { options: { type: 'object' }, judge() { throw new Error('staff bug'); } } };",
        "export const diagnoses = { boom() { throw new Error('staff bug'); } };",
      ].join('\n'),
      cases: [
        { id: 'property-throws', seed: 1, generator: 'one', checks: [{ comparator: 'property', property: 'boom' }] },
        { id: 'diagnosis-throws', seed: 2, generator: 'one', checks: [{ comparator: 'equal', path: 'missing' }], diagnosis: 'boom' },
      ],
    });
    await makeFixtures(a);
    const r = await gradeSubmission({ assignment: a, file: path.join(a.solutionDir, 'id.ts'), backend: 'cpu', memoryMb: 1024 });
    const [property, diagnosis] = r.parts[0].cases;
    expect(property.status).toBe('failed');
    expect(property.message).toBe('boom: could not be judged from this output (staff bug)');
    expect(diagnosis.status).toBe('failed');
    expect(diagnosis.message).toBe("missing: the output has no 'missing' (found a number (1))");
  });
});
