/** The results of grading one submission: what every reporter renders, never recomputes. */
import type { PictureSpec } from '../definition/manifest.ts';
import type { ErrorCode, Audience } from '../errors.ts';

export const RESULTS_VERSION = 2;

/** `skipped`: judged only by graded properties this copy does not have (a student's handout); not scored. */
export type CaseStatus = 'passed' | 'failed' | 'error' | 'timeout' | 'not-implemented' | 'crashed' | 'rejected' | 'skipped';

/** A number as JSON can hold it: non-finite values as strings. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** A small array for a picture, row-major; reporters draw it as it is. */
export interface SmallArray {
  shape: number[];
  values: JsonNumber[];
}

/** What a comparison found, as data: a reporter draws or prints it without parsing the message. */
export interface CheckDetail {
  /** `values`: compared element by element; `form`: kind, dtype or shape differ; `relation`: a property of one output; `missing`: no such field. */
  kind: 'values' | 'form' | 'relation' | 'missing';
  expectedShape?: number[];
  actualShape?: number[];
  expectedDtype?: string;
  actualDtype?: string;
  /** Index of the worst element, in the expected shape. */
  worstIndex?: number[];
  expectedValue?: JsonNumber;
  actualValue?: JsonNumber;
  maxAbsError?: JsonNumber;
  maxRelError?: JsonNumber;
  /**
   * The largest error as a fraction of what the tolerance allows there (1:
   * at the limit). How much room a correct answer leaves: `npm run check`
   * wants the reference at most a tenth of the way.
   */
  toleranceUsed?: number;
  /** How many elements are out of tolerance, of how many. */
  outOfTolerance?: number;
  total?: number;
  tolerance?: { rtol: number; atol: number; scaleAtol?: boolean };
  /** What the values' relation to the expected ones suggests (a transpose, a sign, a factor). */
  hints?: string[];
  /** actual - expected as a 2-D grid pooled to a few hundred cells (each the largest difference in its block), for a heatmap. */
  difference?: SmallArray;
}

export interface CheckResult {
  /** What was compared, e.g. `centers` or `objectives (non-increasing)`. */
  what: string;
  pass: boolean;
  message: string;
  detail?: CheckDetail;
}

export interface CaseResult {
  id: string;
  title?: string;
  visibility: 'public' | 'hidden';
  status: CaseStatus;
  /** One line for the student: why it passed or what went wrong. */
  message: string;
  checks: CheckResult[];
  /** The known bug the output matches, when the case has a diagnosis and a check failed. */
  diagnosis?: string;
  weight: number;
  ms?: number;
  leakedTensors?: number;
  /** What the student's code printed during this case (bounded). */
  output?: string;
}

export interface PartResult {
  /** The name of the export this part grades. */
  id: string;
  name: string;
  score: number;
  maxScore: number;
  /** Every case is judged only by graded properties this copy does not have: left out of the local total, decided by the course's grader. */
  decidedElsewhere?: boolean;
  cases: CaseResult[];
}

/** Why a submission has no grade: the error's stable code, who it is for, and what to read. */
export interface NotGraded {
  code: ErrorCode;
  audience: Audience;
  message: string;
}

/** What reproduces a grade: the same submission, grader and fixtures on the same backend give the same results. */
export interface Provenance {
  /** sha256 of the submission's source, empty when there was none to read. */
  submissionHash: string;
  graderVersion: string;
  /** sha256 over the fixtures that were graded, in order. */
  fixturesHash: string;
  backend: string;
}

export interface Results {
  schemaVersion: number;
  /** `graded`: every case was judged (whatever the score); `error`: grading could not run, see `error`. */
  status: 'graded' | 'error';
  error?: NotGraded;
  assignment: string;
  title: string;
  submission: string;
  /** What isolated the student process (grader/run/sandbox.ts); absent when nothing ran. */
  sandbox?: string;
  /** Of the parts judged here: a student's copy leaves out parts decided by the course's grader. */
  score: number;
  maxScore: number;
  /** False when only public fixtures were available (a student's handout). */
  hiddenGraded: boolean;
  parts: PartResult[];
  warnings: string[];
  /** For the course staff only: tracebacks and internal errors. */
  staff: string[];
  provenance: Provenance;
  timing: { totalMs: number; compileMs: number; casesMs: number };
  gradedAt: string;
  /** The manifest's pictures, with the arrays they draw. */
  pictures?: PictureData[];
}

/** A manifest's picture with its data: each channel from the reference's output, and from the submission's when it returned one. */
export interface PictureData extends Omit<PictureSpec, 'data'> {
  reference: { [channel: string]: SmallArray };
  submission?: { [channel: string]: SmallArray };
}
