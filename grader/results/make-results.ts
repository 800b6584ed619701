/** The one place `Results` are built, for every outcome: graded, or why not. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { validate } from '../definition/validate.ts';
import type { GraderError } from '../errors.ts';
import { GRADER_VERSION } from '../version.ts';
import { RESULTS_VERSION, type PartResult, type PictureData, type Provenance, type Results } from './results.ts';
import { round } from '../score/score.ts';

/** What reproduces a grade; the submission's hash is of its source as read now. */
export function provenanceOf(submissionFile: string | undefined, fixturesHash: string, backend: string): Provenance {
  const source = submissionFile && existsSync(submissionFile) ? readFileSync(submissionFile) : undefined;
  return {
    submissionHash: source ? createHash('sha256').update(source).digest('hex') : '',
    graderVersion: GRADER_VERSION,
    fixturesHash,
    backend,
  };
}

interface Common {
  assignment: { id: string; title: string };
  submission: string;
  provenance: Provenance;
  warnings: string[];
  staff: string[];
  timing: Results['timing'];
}

/** Results of a submission whose every case was judged. */
export function gradedResults(r: Common & { parts: PartResult[]; hiddenGraded: boolean; sandbox?: string; pictures?: PictureData[] }): Results {
  const judged = r.parts.filter((p) => !p.decidedElsewhere);
  return finish({
    ...header(r),
    status: 'graded',
    score: round(judged.reduce((s, p) => s + p.score, 0)),
    maxScore: judged.reduce((s, p) => s + p.maxScore, 0),
    hiddenGraded: r.hiddenGraded,
    ...(r.sandbox ? { sandbox: r.sandbox } : {}),
    parts: r.parts,
    ...rest(r),
    ...(r.pictures?.length ? { pictures: r.pictures } : {}),
  });
}

/** Results when an error stopped grading before any case was judged: no provenance to record, no timing. */
export function ungradedResults(assignment: Common['assignment'], submission: string, error: GraderError): Results {
  return errorResults({ assignment, submission, provenance: provenanceOf(undefined, '', ''), warnings: [], staff: [], timing: { totalMs: 0, compileMs: 0, casesMs: 0 }, error });
}

/** Results of a submission that could not be graded: no score, the error for whoever must act on it. */
export function errorResults(r: Common & { error: GraderError }): Results {
  const { code, audience, message } = r.error;
  return finish({
    ...header(r),
    status: 'error',
    error: { code, audience, message },
    score: 0,
    maxScore: 0,
    hiddenGraded: false,
    parts: [],
    ...rest(r),
    warnings: [`grading did not run: ${message}`, ...r.warnings],
    staff: [r.error.stack ?? message, ...r.staff],
  });
}

const header = (r: Common) => ({ schemaVersion: RESULTS_VERSION, assignment: r.assignment.id, title: r.assignment.title, submission: r.submission });

const rest = (r: Common) => ({ warnings: r.warnings, staff: r.staff, provenance: r.provenance, timing: r.timing, gradedAt: new Date().toISOString() });

function finish(results: Results): Results {
  return validate('results', results, 'results');
}
