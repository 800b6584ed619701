/**
 * What must never reach a student, as text to look for: the expected values
 * of hidden fixtures, the declarations of hidden cases, and the lines of the
 * reference's solution regions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BEGIN, END } from '../authoring/make-stub.ts';
import type { Assignment } from '../definition/manifest.ts';

export interface HiddenMaterial {
  /** Distinctive texts of hidden expected values (base64 tensor data, long numbers), each with what it is. */
  values: Map<string, string>;
  /** Hidden case declarations: a JSON object with this id and seed declares one. */
  cases: { part: string; id: string; seed: number }[];
  /** Trimmed solution lines (none that code students get has too), each with where it is in the reference. */
  solutionLines: Map<string, string>;
}

/**
 * Shortest solution line that counts: shorter ones (`});`, `return out;`)
 * are the stuff of any TypeScript file, longer ones say how it is done.
 */
export const MIN_SOLUTION_LINE = 16;
/** Shortest base64 tensor data worth looking for (three float32 values): shorter strings turn up by chance. */
const MIN_DATA_CHARS = 16;
/** Significant digits a number needs to be distinctive (labels and sizes are not). */
const MIN_DIGITS = 6;

/**
 * The hidden material of an assignment, from its hidden fixtures, hidden
 * cases and reference. `shipped` holds the lines students get by design
 * (outside the solution regions of every reference of the course, so in
 * their stubs): a solution line that is one of them (`return tf.tidy(() => {`)
 * gives nothing away.
 */
export function hiddenMaterial(a: Assignment, reference: string, shipped: ReadonlySet<string>): HiddenMaterial {
  const values = new Map<string, string>();
  const dir = path.join(a.fixturesDir, 'hidden');
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    const { expected } = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { expected: unknown };
    for (const text of distinctiveTexts(expected)) values.set(text, `the expected value of hidden fixture ${f}`);
  }
  const cases = a.manifest.parts.flatMap((p) => p.cases.filter((c) => c.visibility === 'hidden').map((c) => ({ part: p.id, id: c.id, seed: c.seed })));
  return { values, cases, solutionLines: solutionLines(reference, shipped, a.manifest.entry) };
}

/** Base64 tensor data and long numbers inside a wire value. */
function distinctiveTexts(wire: unknown): string[] {
  if (Array.isArray(wire)) return wire.flatMap(distinctiveTexts);
  if (typeof wire !== 'object' || wire === null) return [];
  const w = wire as { kind?: unknown; data?: unknown; value?: unknown };
  if (w.kind === 'tensor' && typeof w.data === 'string') return isDistinctiveData(w.data) ? [w.data] : [];
  if (w.kind === 'number' && typeof w.value === 'number') return significantDigits(w.value) >= MIN_DIGITS ? [JSON.stringify(w.value)] : [];
  return Object.values(w).flatMap(distinctiveTexts);
}

/** Long enough, and not one value repeated (a tensor of zeros is in every fixture folder). */
function isDistinctiveData(data: string): boolean {
  if (data.length < MIN_DATA_CHARS) return false;
  const bytes = Buffer.from(data, 'base64');
  const words = new Set<string>();
  for (let i = 0; i + 4 <= bytes.length; i += 4) words.add(bytes.subarray(i, i + 4).toString('hex'));
  return words.size > 1;
}

function significantDigits(x: number): number {
  return Number.isInteger(x) ? 0 : x.toExponential().split('e')[0].replace(/[-.]/g, '').length;
}

/** Each trimmed line of a reference, with whether it is inside a solution region. */
function regions(reference: string): { line: string; inside: boolean; at: number }[] {
  let inside = false;
  return reference.split('\n').flatMap((raw, i) => {
    const line = raw.trim();
    if (line === BEGIN || line === END) {
      inside = line === BEGIN;
      return [];
    }
    return [{ line, inside, at: i + 1 }];
  });
}

/** The trimmed lines outside a reference's solution regions: what its stub ships. */
export const shippedLines = (reference: string): string[] => regions(reference).filter((r) => !r.inside).map((r) => r.line);

/** The trimmed lines of the solution regions long enough to say something and not shipped anyway, with where each is. */
export function solutionLines(reference: string, shipped: ReadonlySet<string>, entry: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const { line, inside, at } of regions(reference)) {
    if (inside && line.length >= MIN_SOLUTION_LINE && !shipped.has(line) && !lines.has(line)) lines.set(line, `${entry}:${at}`);
  }
  return lines;
}
