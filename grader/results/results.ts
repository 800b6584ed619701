/** The results of grading one submission: what every reporter renders, never recomputes. */
export const RESULTS_VERSION = 1;

/** `skipped`: judged only by graded properties this copy does not have (a student's handout); not scored. */
export type CaseStatus = 'passed' | 'failed' | 'error' | 'timeout' | 'not-implemented' | 'crashed' | 'rejected' | 'skipped';

export interface CheckResult {
  /** What was compared, e.g. `centers` or `objectives (non-increasing)`. */
  what: string;
  pass: boolean;
  message: string;
}

export interface CaseResult {
  id: string;
  title?: string;
  visibility: 'public' | 'hidden';
  status: CaseStatus;
  /** One line for the student: why it passed or what went wrong. */
  message: string;
  checks: CheckResult[];
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
  cases: CaseResult[];
}

export interface Results {
  schemaVersion: number;
  assignment: string;
  title: string;
  submission: string;
  backend: string;
  /** What isolated the student process (grader/run/sandbox.ts); absent when nothing ran. */
  sandbox?: string;
  score: number;
  maxScore: number;
  /** False when only public fixtures were available (a student's handout). */
  hiddenGraded: boolean;
  parts: PartResult[];
  warnings: string[];
  /** For the course staff only: tracebacks and internal errors. */
  staff: string[];
  timing: { totalMs: number; compileMs: number; casesMs: number };
  gradedAt: string;
}
