import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFixtures } from '../../grader/authoring/make-fixtures.ts';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { syntheticAssignment } from '../support/synthetic.ts';

describe("a part judged only by the staff's properties, in a student's copy", () => {
  it("is left out of the local total and shown as decided by the course's grader, never as 0/N", async () => {
    const a = syntheticAssignment({
      generators: "{ one: { params: { type: 'object' }, generate: () => ({ args: [1] }) } }",
      properties: "export const properties = { positive: { options: { type: 'object' }, judge: (x) => ({ pass: x > 0, message: 'x > 0' }) } };",
      cases: [{ id: 'one', seed: 1, generator: 'one', checks: [{ comparator: 'property', property: 'positive' }] }],
    });
    await makeFixtures(a);
    const copy = { ...a, solutionDir: path.join(a.dir, 'no-solutions') };
    const r = await gradeSubmission({ assignment: copy, file: path.join(a.solutionDir, 'id.ts'), backend: 'cpu', memoryMb: 1024 });
    expect(r.parts[0].decidedElsewhere).toBe(true);
    expect(r.parts[0].cases[0].status).toBe('skipped');
    expect([r.score, r.maxScore]).toEqual([0, 0]);
    const text = renderTerminal(r, false);
    expect(text).toContain("100 points decided by the course's grader");
    expect(text).not.toContain('0/100');
  });
});
