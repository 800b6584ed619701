import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classSummary } from '../../grader/batch/class-summary.ts';
import type { Student } from '../../grader/batch/gradebook.ts';
import { writeSummary } from '../../grader/batch/summary-report.ts';
import type { Manifest } from '../../grader/definition/manifest.ts';
import { GraderError } from '../../grader/errors.ts';
import { errorResults, gradedResults, provenanceOf } from '../../grader/results/make-results.ts';
import type { CaseResult } from '../../grader/results/results.ts';

const manifest = { id: 'hw9-toy', title: 'A toy', parts: [{ id: 'f', name: 'The f part', points: 100 }] } as Manifest;
const common = { assignment: manifest, provenance: provenanceOf(undefined, '', 'cpu'), warnings: [], staff: [], timing: { totalMs: 1000, compileMs: 0, casesMs: 0 } };

/** A graded student whose case `c1` passed or failed with `message` (and `diagnosis`), scoring `score`. */
function student(id: string, score: number, message?: string, diagnosis?: string, totalMs = 1000): Student {
  const c1: CaseResult = { id: 'c1', visibility: 'public', status: message ? 'failed' : 'passed', message: message ?? 'passed', checks: [], weight: 1, ...(diagnosis ? { diagnosis } : {}) };
  const results = gradedResults({ ...common, submission: id, timing: { ...common.timing, totalMs }, hiddenGraded: true, parts: [{ id: 'f', name: 'The f part', score, maxScore: 100, cases: [c1] }] });
  return { id, name: '', results };
}

const hostileMessage = 'out: 3 of 4 values differ | `code` <script>alert(1)</script>';
const students: Student[] = [
  student('a', 100),
  student('b', 40, 'out: 3 of 4 values differ', 'the sign is flipped', 5000),
  student('c', 45, 'out: 4 of 4 values differ', 'the sign is flipped'),
  student('d', 0, hostileMessage, 'a transpose'),
  { id: 'e', name: '', results: errorResults({ ...common, submission: 'e', error: new GraderError('SUBMISSION', 'the zip was refused: e.zip expands more than 100 times') }) },
  { id: 'f', name: '', results: errorResults({ ...common, submission: 'f', error: new GraderError('SUBMISSION', 'the zip was refused: f.zip expands more than 100 times') }) },
  { id: 'g', name: '' },
];

describe('the class summary', () => {
  const summary = classSummary(manifest, students, []);

  it('counts, bins and averages the graded submissions', () => {
    expect(summary.counts).toEqual({ graded: 4, timeout: 0, error: 2, missing: 1, total: 7 });
    expect(summary.histogram.filter((b) => b.count).map((b) => [b.label, b.count])).toEqual([['0-9', 1], ['40-49', 2], ['90-100', 1]]);
    expect([summary.mean, summary.median]).toEqual([46.25, 40]);
    expect(summary.parts).toEqual([{ id: 'f', name: 'The f part', points: 100, graded: 4, meanScore: 46.25, fullMarks: 25 }]);
  });

  it('names the most common failure (numbers aside) and diagnosis of each failed case', () => {
    expect(summary.hardestCases).toEqual([
      { part: 'f', id: 'c1', visibility: 'public', failed: 3, of: 4, passRate: 25, message: 'out: 3 of 4 values differ', messageCount: 2, diagnosis: 'the sign is flipped', diagnosisCount: 2 },
    ]);
  });

  it('groups errors by cause whatever the student, and lists the slowest first', () => {
    expect(summary.errors).toEqual([{ cause: 'SUBMISSION: the zip was refused: <student>.zip expands more than 100 times', students: ['e', 'f'] }]);
    expect(summary.slowest[0]).toEqual({ student: 'b', ms: 5000, score: 40 });
  });

  it('shows text from student code as text, in Markdown and in HTML', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-summary-'));
    writeSummary(classSummary(manifest, [student('d', 0, hostileMessage)], []), dir);
    const md = readFileSync(path.join(dir, 'summary.md'), 'utf8');
    expect(md).toContain('| `f/c1` | 0% of 1 | ``out: 3 of 4 values differ \\| `code` <script>alert(1)</script>`` (1 of 1) |  |');
    const html = readFileSync(path.join(dir, 'summary.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
