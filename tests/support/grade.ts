import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';
import { applyVariant, type Variant } from '../../grader/definition/variants.ts';
import { gradeSubmission } from '../../grader/grade-submission.ts';
import type { Results } from '../../grader/results/results.ts';

export type { Variant };

const scratch = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-tests-'));

/** Writes the edited reference into a fresh folder outside the project, as a TA's submission would be. */
export function writeVariant(assignment: string, v: Pick<Variant, 'name' | 'edits'>): string {
  const a = loadAssignment(assignment);
  return writeSubmission(assignment, v.name, applyVariant(readFileSync(path.join(a.solutionDir, a.manifest.entry), 'utf8'), v));
}

/** Writes a submission file under a fresh folder and returns its path. */
export function writeSubmission(assignment: string, name: string, source: string): string {
  const a = loadAssignment(assignment);
  const dir = path.join(scratch, a.manifest.id, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, a.manifest.entry);
  writeFileSync(file, source);
  return file;
}

export interface GradeFileOptions {
  backend?: BackendChoice;
  timeLimitMs?: number;
  memoryMb?: number;
}

const graded = new Map<string, Promise<Results>>();

/**
 * Grades a file through the real pipeline (student process included). The
 * same source under the same options is graded once per test worker: a suite
 * asserts many things about one result instead of grading it again.
 */
export function gradeFile(assignment: string, file: string, opts: GradeFileOptions = {}): Promise<Results> {
  const key = JSON.stringify([assignment, createHash('sha256').update(readFileSync(file)).digest('hex'), opts.backend, opts.timeLimitMs, opts.memoryMb]);
  if (!graded.has(key)) {
    graded.set(key, gradeSubmission({ assignment: loadAssignment(assignment), file, backend: opts.backend ?? 'wasm', memoryMb: opts.memoryMb ?? 2048, timeLimitMs: opts.timeLimitMs }));
  }
  return graded.get(key)!;
}

/** The reference solution's own file. */
export function referenceFile(assignment: string): string {
  const a = loadAssignment(assignment);
  return path.join(a.solutionDir, a.manifest.entry);
}

/** The student stub as shipped. */
export function stubFile(assignment: string): string {
  const a = loadAssignment(assignment);
  return path.join(a.dir, a.manifest.entry);
}

/** Parts that scored below their maximum, sorted. */
export function lostParts(r: Results): string[] {
  return r.parts.filter((p) => p.score < p.maxScore).map((p) => p.id).sort();
}

/** One line per failing case, to make a failed expectation readable. */
export function failures(r: Results): string[] {
  return r.parts.flatMap((p) => p.cases.filter((c) => c.status !== 'passed').map((c) => `${p.id}/${c.id}: ${c.status}: ${c.message}`));
}
