/**
 * The calibration of an assignment's tolerances: for each check of each case,
 * the reference's measured error as a fraction of what the check's tolerance
 * allows (`toleranceUsed`), on each backend. What "measured error" means
 * follows the comparator:
 *
 * - `allclose`, `scalar`: the largest `|actual - expected| / (atol' + rtol |expected|)`
 *   over the elements, so rtol and atol count together, element by element;
 * - `subspace`: the subspace distance over its `max`;
 * - `nonIncreasing`: the largest rise between steps over the rise allowed;
 * - `equal`, `permutation`: exact, nothing to measure;
 * - `property`: what the property reports as `detail.toleranceUsed`, when it
 *   reports one; a pass/fail property is not measured.
 */
import type { Assignment, CheckSpec } from '../definition/manifest.ts';
import type { Results } from '../results/results.ts';

/**
 * The most of its tolerance the reference may use: a tenth. A tolerance set
 * tighter leaves a correct submission on another backend (or written another
 * way) too little room; the measured cpu/wasm noise fits 10x inside the
 * default tolerance (shared/notes/tfjs-in-node.md).
 */
export const CALIBRATION_LIMIT = 0.1;

export interface CalibrationRow {
  /** `part/case`. */
  case: string;
  /** What the check compares, as the report names it. */
  check: string;
  /** The tolerance, in words: `loose (rtol 1e-3, atol 1e-4)`, `max 0.05`, `exact`. */
  tolerance: string;
  backend: string;
  /** The measured error as a fraction of the tolerance; absent when there is nothing to measure. */
  used?: number;
}

/** How many times the tolerance covers the measured error (Infinity for none). */
export const marginOf = (used: number): number => (used > 0 ? 1 / used : Infinity);

/** True when the row's measured error is more than a tenth of its tolerance. */
export const isLowMargin = (row: CalibrationRow): boolean => row.used !== undefined && row.used > CALIBRATION_LIMIT;

/** One row per check of every case the reference was graded on. */
export function calibrationRows(a: Assignment, results: Results): CalibrationRow[] {
  return results.parts.flatMap((part) =>
    part.cases.flatMap((c) => {
      const spec = a.manifest.parts.find((p) => p.id === part.id)?.cases.find((s) => s.id === c.id);
      // Checks come in the order the case declares them (a full course judges all of them).
      return c.checks.map((k, i) => ({
        case: `${part.id}/${c.id}`,
        check: k.what,
        tolerance: spec?.checks[i] ? describeTolerance(a, spec.checks[i]) : '',
        backend: results.provenance.backend,
        ...(k.detail?.toleranceUsed === undefined ? {} : { used: k.detail.toleranceUsed }),
      }));
    }),
  );
}

function describeTolerance(a: Assignment, k: CheckSpec): string {
  const named = k.tolerance === undefined ? undefined : a.manifest.tolerances[k.tolerance];
  const numbers = (t: { rtol: number; atol: number }) => `rtol ${t.rtol}, atol ${t.atol}`;
  switch (k.comparator) {
    case 'equal':
    case 'permutation':
      return 'exact';
    case 'subspace':
      return `max ${typeof k.options?.max === 'number' ? k.options.max : 1e-3}`;
    case 'nonIncreasing':
      return named ? `${k.tolerance} (${numbers(named)})` : 'exact';
    case 'property':
      return `property ${k.property}${k.options ? ` ${JSON.stringify(k.options)}` : ''}${named ? `, ${k.tolerance} (${numbers(named)})` : ''}`;
    default:
      return named ? `${k.tolerance} (${numbers(named)})` : 'default (rtol 0.0001, atol 0.00001)';
  }
}
