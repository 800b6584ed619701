/** Names the known bug a failed output matches, from the diagnosis rules its fixture carries (no staff code). */
import type { StoredDiagnosisRule } from '../definition/diagnosis.ts';
import { isNdArray, observe, type Observed } from './observed.ts';

/** How each value check of the case went, as a rule needs to know it. */
export interface CheckOutcome {
  path?: string;
  pass: boolean;
  /** The kind, dtype or shape differed, or the field was missing. */
  form: boolean;
}

export interface DiagnosisInput {
  actual: Observed;
  expected: Observed;
  checks: CheckOutcome[];
  /** True when every value check of the case passes against `reference` instead of the expected output. */
  matches: (reference: Observed) => boolean;
}

/** The first rule that holds says what the output looks like. */
export function diagnoseFromRules(rules: StoredDiagnosisRule[], input: DiagnosisInput): string | undefined {
  return rules.find((r) => holds(r, input))?.say;
}

function holds(rule: StoredDiagnosisRule, { actual, expected, checks, matches }: DiagnosisInput): boolean {
  const number = typeof actual === 'number' ? actual : undefined;
  switch (rule.when) {
    case 'not-number':
      return number === undefined;
    case 'not-tensor':
      return !isNdArray(actual);
    case 'wrong-form':
      return checks.some((k) => k.form);
    case 'non-finite':
      return hasNonFinite(actual);
    case 'nan':
      return Number.isNaN(number);
    case 'positive':
      return number !== undefined && number > 0;
    case 'above':
      return number !== undefined && typeof expected === 'number' && number > expected;
    case 'below':
      return number !== undefined && typeof expected === 'number' && number < expected;
    case 'matches':
      return checks.length > 0 && matches(observe(rule.value));
    case 'only-differs': {
      const failed = checks.filter((k) => !k.pass).map((k) => k.path ?? '');
      return failed.length === rule.paths.length && rule.paths.every((p) => failed.includes(p));
    }
    case 'otherwise':
      return true;
  }
}

function hasNonFinite(v: Observed): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (isNdArray(v)) return Array.from(v.data).some((x) => !Number.isFinite(x));
  if (Array.isArray(v)) return v.some(hasNonFinite);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasNonFinite);
  return false;
}
