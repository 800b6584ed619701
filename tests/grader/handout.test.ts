import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseLayout } from '../../grader/definition/course-layout.ts';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';

/** A student's copy in its own course layout: the assignment and its public fixtures, no solutions/ (so no hidden cases and no graded properties). */
function handout(name: string) {
  const a = loadAssignment(name);
  const root = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-handout-'));
  const folder = path.basename(a.dir);
  cpSync(a.dir, path.join(root, 'assignments', folder), { recursive: true });
  cpSync(path.join(a.fixturesDir, 'public'), path.join(root, 'fixtures', folder, 'public'), { recursive: true });
  return loadAssignment(name, courseLayout(root));
}

describe("grading a student's handout", () => {
  it('grades public cases only, says the hidden cases decide, and skips properties it does not have', async () => {
    const a = handout('hw3');
    const r = await gradeSubmission({ assignment: a, file: path.join(loadAssignment('hw3').solutionDir, 'rbm.ts'), backend: 'wasm', memoryMb: 2048 });
    expect(a.hiddenDeclared).toBe(false);
    expect(r.hiddenGraded).toBe(false);
    expect(r.parts.flatMap((p) => p.cases).every((c) => c.visibility === 'public')).toBe(true);
    expect(r.warnings[0]).toContain('your grade is decided with hidden cases as well');
    const train = r.parts.find((p) => p.id === 'trainRBM')!;
    expect(train.cases.every((c) => c.status === 'skipped')).toBe(true);
    expect(r.parts.filter((p) => p.id !== 'trainRBM').every((p) => p.score === p.maxScore)).toBe(true);
    expect(renderTerminal(r, false)).toContain("judged only by the course staff's grader");
  });
});
