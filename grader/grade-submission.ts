import path from 'node:path';
import type { BackendChoice } from '../harness/protocol/messages.ts';
import type { Assignment } from './definition/manifest.ts';
import { loadFixtures, type LoadedCase, type LoadedFixtures } from './fixtures/load-fixtures.ts';
import { judgeCase } from './judge/judge-case.ts';
import { resolveStaffNames } from './judge/staff-judges.ts';
import { shown } from './paths.ts';
import { collectPictures } from './report/pictures/collect-pictures.ts';
import { GraderError } from './errors.ts';
import { gradedResults, provenanceOf } from './results/make-results.ts';
import type { CaseResult, Results } from './results/results.ts';
import { disagreementNotes, disagreementWarning, recheckOnCpu } from './run/recheck-on-cpu.ts';
import { runCases, type RunReport } from './run/run-cases.ts';
import { shortLimit } from './run/time-limits.ts';
import type { Outcome } from './run/student-process.ts';
import { scorePart } from './score/score.ts';
import { markPhase } from './timing/phases.ts';
import { compileSubmission } from './static/compile-submission.ts';
import { staticChecks, type Rejections } from './static/static-checks.ts';

export interface GradeOptions {
  assignment: Assignment;
  /** The submission's entry file. */
  file: string;
  backend: BackendChoice;
  /** Memory cap of the student process, in MB. */
  memoryMb: number;
  /** Overrides every case's time limit. */
  timeLimitMs?: number;
  /** Called as each case starts running, e.g. for a progress line. */
  onCase?: (c: LoadedCase, index: number, total: number) => void;
  /** The assignment's fixtures when already loaded: a batch reads and validates them once, not once per student. */
  fixtures?: LoadedFixtures;
}

/** Grades one submission: load fixtures, check statically, run, judge, score. */
export async function gradeSubmission(opts: GradeOptions): Promise<Results> {
  markPhase('gradingStart');
  const start = performance.now();
  const { assignment: a } = opts;
  const { cases, hiddenAvailable, hash } = opts.fixtures ?? loadFixtures(a);
  const [compiled] = await Promise.all([compileOrFail(opts.file), resolveStaffNames(a)]);
  const compileMs = performance.now() - start;
  // Static checks (ts-morph takes ~1 s to load) overlap with the student process; a rejected part's outcomes are dropped.
  const runOn = (backend: BackendChoice, some: LoadedCase[], code: string, onCase?: GradeOptions['onCase']) =>
    runCases(some, { ...opts, backend, code, entry: path.basename(opts.file) }, (c, after) => limitOf(opts, c, after), onCase);
  const [rejected, run] =
    typeof compiled === 'string'
      ? [new Map() as Rejections, failAll(cases, compiled, opts.backend)]
      : await Promise.all([staticChecks(a.manifest, opts.file), runOn(opts.backend, cases, compiled.code, opts.onCase)]);
  const casesMs = performance.now() - start - compileMs;
  const firstJudged = new Map<string, CaseResult>();
  for (const c of cases) {
    firstJudged.set(c.key, rejected.has(c.part.id) ? rejectedCase(c, rejected.get(c.part.id)!) : await judgeCase(a, c, run.outcomes.get(c.key)!));
    await otherGradingsTurn();
  }
  const { judged, disagreements } = typeof compiled === 'string' ? { judged: firstJudged, disagreements: [] } : await recheckOnCpu(cases, firstJudged, run.backend, (some) => runOn('cpu', some, compiled.code), (c, o) => judgeCase(a, c, o));
  markPhase('judged');
  const parts = a.manifest.parts.map((p) => scorePart(p, cases.filter((c) => c.part === p).map((c) => judged.get(c.key)!)));
  return gradedResults({
    assignment: a.manifest,
    submission: shown(opts.file),
    provenance: provenanceOf(opts.file, hash, run.backend),
    ...(run.sandbox ? { sandbox: run.sandbox } : {}),
    hiddenGraded: hiddenAvailable,
    parts,
    warnings: [...warningsOf(run, hiddenAvailable), ...disagreementWarning(disagreements)],
    staff: [...staffNotes(run), ...disagreementNotes(disagreements)],
    timing: { totalMs: Math.round(performance.now() - start), compileMs: Math.round(compileMs), casesMs: Math.round(casesMs) },
    pictures: collectPictures(a.manifest, cases, run.outcomes),
  });
}

/**
 * Judging is CPU work on the grader's one thread (staff properties run tfjs
 * here): a batch grading several submissions at once lets the others answer
 * their student processes between cases, or those processes sit idle until
 * this whole submission is judged.
 */
const otherGradingsTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function compileOrFail(file: string) {
  try {
    return await compileSubmission(file);
  } catch (e) {
    if (e instanceof GraderError && e.code === 'COMPILE') return `the submission does not compile: ${e.message}`;
    throw e;
  }
}

function failAll(cases: LoadedCase[], message: string, backend: string): RunReport {
  const outcome: Outcome = { kind: 'load-error', message };
  return { outcomes: new Map(cases.map((c) => [c.key, outcome])), backend, processes: 0, notes: [] };
}

/** `--time-limit` wins; else the limit the fixture recorded from the reference's time; else the manifest's. */
function limitOf(opts: GradeOptions, c: LoadedCase, afterTimeout: boolean): number {
  const limit = opts.timeLimitMs ?? c.fixture.timeLimitMs ?? c.spec.timeLimitMs ?? opts.assignment.manifest.timeLimitMs;
  return afterTimeout ? shortLimit(c.fixture.referenceMs, limit) : limit;
}

function rejectedCase(c: LoadedCase, message: string): CaseResult {
  return { id: c.spec.id, title: c.spec.title, visibility: c.spec.visibility, weight: c.spec.weight ?? 1, status: 'rejected', message, checks: [] };
}

/** Tracebacks for the course staff, kept apart from what the student reads. */
function staffNotes(run: RunReport): string[] {
  const byStack = new Map<string, string[]>();
  for (const [key, o] of run.outcomes) {
    if ((o.kind === 'case-error' || o.kind === 'load-error') && o.stack) byStack.set(o.stack, [...(byStack.get(o.stack) ?? []), key]);
  }
  return [...byStack].map(([stack, keys]) => `${keys.length > 3 ? `${keys.length} cases` : keys.join(', ')}: ${stack}`);
}

function warningsOf(run: RunReport, hiddenAvailable: boolean): string[] {
  const w: string[] = [];
  if (!hiddenAvailable) w.push('Only public cases were graded here: your grade is decided with hidden cases as well.');
  if (run.backendNote) w.push(`Backend: ${run.backend} (${run.backendNote}).`);
  if (run.processes > 1) w.push(`The student process was restarted ${run.processes - 1} time(s) after a hang or crash.`);
  w.push(...run.notes);
  return w;
}
