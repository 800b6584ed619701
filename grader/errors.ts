/** The grader's one error type: a stable code, who must act on it, and the exit status the CLI gives it. */

/** Who can fix it: the student (their submission or command) or the course staff (a definition, a fixture, the grader). */
export type Audience = 'student' | 'staff';

const CODES = {
  /** A command line the grader cannot act on: unknown option, assignment or backend, a missing file. */
  USAGE: { exitStatus: 2, audience: 'student' },
  /** A manifest, fixture or staff table that is invalid or inconsistent. */
  BAD_DEFINITION: { exitStatus: 2, audience: 'staff' },
  /** A data file that does not match its schema. */
  INVALID_DATA: { exitStatus: 2, audience: 'staff' },
  /** Fixtures that are missing or stale for their manifest. */
  FIXTURE: { exitStatus: 2, audience: 'staff' },
  /** The requested backend cannot start on this machine. */
  BACKEND: { exitStatus: 2, audience: 'student' },
  /** The submission cannot be compiled (a syntax error, a forbidden import). */
  COMPILE: { exitStatus: 0, audience: 'student' },
  /** A submission the grader refuses to read: an unsafe archive, a link or special file, a name that is not UTF-8, no entry file. */
  SUBMISSION: { exitStatus: 2, audience: 'student' },
  /** A bug of the grader's own. */
  INTERNAL: { exitStatus: 1, audience: 'staff' },
} as const satisfies Record<string, { exitStatus: number; audience: Audience }>;

export type ErrorCode = keyof typeof CODES;

export class GraderError extends Error {
  readonly audience: Audience;
  readonly exitStatus: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraderError';
    this.audience = CODES[code].audience;
    this.exitStatus = CODES[code].exitStatus;
  }
}

/** Any thrown value as a GraderError: what is not one already is a bug of the grader's own. */
export function asGraderError(e: unknown): GraderError {
  if (e instanceof GraderError) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  return new GraderError('INTERNAL', err.message, { cause: err });
}
