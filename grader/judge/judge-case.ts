import type { WireValue } from '../../harness/protocol/values.ts';
import type { Assignment, CaseSpec, CheckSpec, Tolerance } from '../definition/manifest.ts';
import type { Verdict } from '../definition/property.ts';
import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import type { CaseResult, CaseStatus, CheckResult } from '../results/results.ts';
import type { Outcome } from '../run/student-process.ts';
import { comparators } from './comparators/index.ts';
import { differenceGrid } from './difference-grid.ts';
import { trapHint } from './known-traps.ts';
import { atPath, observe, type Observed } from './observed.ts';
import { LIMIT_FACTOR, LIMIT_FLOOR_MS } from '../run/time-limits.ts';
import { diagnoseFromRules } from './diagnose.ts';
import { diagnose, runProperty } from './staff-judges.ts';

/** Turns what the student process returned for one case into a verdict per check. */
export async function judgeCase(a: Assignment, c: LoadedCase, outcome: Outcome): Promise<CaseResult> {
  const output = 'output' in outcome && outcome.output ? { output: outcome.output } : {};
  const base = { id: c.spec.id, title: c.spec.title, visibility: c.spec.visibility, weight: c.spec.weight ?? 1, ...output };
  if (outcome.kind !== 'result') return { ...base, ...failureOf(outcome, a.manifest.entry), checks: [] };
  let actual: Observed;
  try {
    actual = observe(outcome.value);
  } catch (e) {
    return { ...base, status: 'failed', message: `returned data that cannot be read: ${(e as Error).message}`, checks: [], ms: outcome.ms };
  }
  const references = referencesOf(c);
  const checks: CheckResult[] = [];
  const unjudged: string[] = [];
  let firstFailed: CheckSpec | undefined;
  for (const spec of c.spec.checks) {
    const check = await runCheck(a, c, spec, actual, outcome.value, references);
    if (!check) unjudged.push(spec.property!);
    else if (!check.pass) firstFailed ??= spec;
    if (check) checks.push(check);
  }
  if (outcome.damagedInputs.length) {
    checks.push({ what: 'inputs left intact', pass: false, message: `the function disposed or changed its inputs: ${outcome.damagedInputs.join(', ')}` });
  }
  const failed = checks.filter((k) => !k.pass);
  if (!checks.length) return { ...base, status: 'skipped', message: DECIDED_ELSEWHERE, checks, ms: outcome.ms };
  const diagnosis = firstFailed && (await diagnosisOf(a, c, firstFailed, actual, outcome.value, references.reference));
  const leak = outcome.leaked ? ` (leaked ${outcome.leaked} tensor${outcome.leaked > 1 ? 's' : ''}: wrap the work in tf.tidy or dispose intermediates)` : '';
  const elsewhere = unjudged.length ? `; ${unjudged.join(' and ')}: ${DECIDED_ELSEWHERE}` : '';
  return {
    ...base,
    status: failed.length ? 'failed' : 'passed',
    message: failed.length ? [...failureLines(failed), ...(diagnosis ? [`diagnosis: ${diagnosis}`] : [])].join('\n') : `passed${leak}${elsewhere}`,
    checks,
    ...(diagnosis ? { diagnosis } : {}),
    ms: outcome.ms,
    leakedTensors: outcome.leaked,
  };
}

/** One line per failed check, less repeats: two checks of a missing or misshapen field say the same thing once. */
function failureLines(failed: CheckResult[]): string[] {
  const lines = failed.map((k) => (k.detail?.kind === 'missing' || k.detail?.kind === 'form' ? `${k.what.split(' ')[0]}: ${k.message}` : `${k.what}: ${k.message}`));
  return [...new Set(lines)];
}

/** What a student's copy says of a graded property it does not have. */
export const DECIDED_ELSEWHERE = "decided by the course's grader (its graded property is not in this copy)";

/** The known bug the output matches: from the rules the fixture carries, else from staff code when this copy has it. */
async function diagnosisOf(a: Assignment, c: LoadedCase, failed: CheckSpec, actual: Observed, wire: WireValue, expected: Observed): Promise<string | undefined> {
  if (!c.fixture.diagnosis) return diagnose(a, c, failed, wire);
  const valueChecks = c.spec.checks.filter((k) => k.comparator !== 'property');
  const against = (reference: Observed) => valueChecks.map((k) => ({ spec: k, verdict: runComparator(k, toleranceOf(a, k), actual, reference) }));
  const checks = against(expected).map(({ spec, verdict }) => ({ path: spec.path, pass: verdict.pass, form: verdict.detail?.kind === 'form' || verdict.detail?.kind === 'missing' }));
  return diagnoseFromRules(c.fixture.diagnosis, { actual, expected, checks, matches: (reference) => passesValueChecks(a, c.spec, actual, reference) });
}

/** True when the case has value checks and every one passes for `actual` against `reference`. */
export function passesValueChecks(a: Assignment, spec: CaseSpec, actual: Observed, reference: Observed): boolean {
  const valueChecks = spec.checks.filter((k) => k.comparator !== 'property');
  return valueChecks.length > 0 && valueChecks.every((k) => runComparator(k, toleranceOf(a, k), actual, reference).pass);
}

function toleranceOf(a: Assignment, spec: CheckSpec): Tolerance | undefined {
  return spec.tolerance === undefined ? undefined : a.manifest.tolerances[spec.tolerance];
}

/** The fixture's expected output and truth, decoded once per case rather than once per check. */
function referencesOf(c: LoadedCase): { reference: Observed; truth?: Observed } {
  return { reference: observe(c.fixture.expected), truth: c.fixture.truth && observe(c.fixture.truth) };
}

/** The check's result, or undefined for a property this copy of the course does not have. */
async function runCheck(a: Assignment, c: LoadedCase, spec: CheckSpec, actual: Observed, wire: WireValue, refs: ReturnType<typeof referencesOf>): Promise<CheckResult | undefined> {
  const reference = spec.against === 'truth' ? refs.truth : refs.reference;
  if (reference === undefined) throw new Error(`${c.key}: a check compares with the truth, but the fixture has none`);
  const tolerance = toleranceOf(a, spec);
  const verdict = spec.comparator === 'property' ? await runProperty(a, c, spec, tolerance, wire) : runComparator(spec, tolerance, actual, reference);
  return verdict && { what: describeCheck(spec), ...verdict };
}

/** One value check's verdict against a reference output. */
export function runComparator(spec: CheckSpec, tolerance: Tolerance | undefined, actual: Observed, reference: Observed): Verdict {
  const comparator = comparators.get(spec.comparator)!;
  const got = atPath(actual, spec.path);
  if (!got.found) return { pass: false, message: got.missing, detail: { kind: 'missing' } };
  const expected = comparator.needsExpected ? atPath(reference, spec.path) : undefined;
  if (expected && !expected.found) throw new Error(`the fixture's expected value has no '${spec.path}'`);
  const verdict = comparator.judge({ actual: got.value, expected: expected?.value, tolerance, options: spec.options ?? {} });
  const difference = !verdict.pass && verdict.detail?.kind === 'values' && expected ? differenceGrid(got.value, expected.value) : undefined;
  return difference ? { ...verdict, detail: { ...verdict.detail!, difference } } : verdict;
}

function describeCheck(spec: CheckSpec): string {
  const target = spec.path || 'output';
  if (spec.comparator === 'property') return spec.property!;
  if (spec.comparator === 'nonIncreasing') return `${target} never increases`;
  if (spec.comparator === 'permutation') return `${target} (up to relabelling)`;
  if (spec.comparator === 'subspace') return `${target} (as a subspace)`;
  return target;
}

function failureOf(o: Exclude<Outcome, { kind: 'result' }>, entry: string): { status: CaseStatus; message: string; ms?: number } {
  switch (o.kind) {
    case 'case-error': {
      const status: CaseStatus = o.errorKind === 'not-implemented' ? 'not-implemented' : o.errorKind === 'bad-output' ? 'failed' : 'error';
      const where = firstFrame(o.stack, entry);
      if (o.errorKind === 'threw') return { status, message: `threw${where && ` ${where}`}: ${o.message}${trapHint(o.message)}`, ms: o.ms };
      return { status, message: o.errorKind === 'exit-called' && where ? `${o.message} ${where}` : `${o.message}${trapHint(o.message)}`, ms: o.ms };
    }
    case 'timeout':
      return { status: 'timeout', message: timeoutMessage(o) };
    case 'crashed':
      return { status: 'crashed', message: o.message };
    case 'load-error':
      return { status: 'error', message: o.message };
  }
}

function timeoutMessage(o: Extract<Outcome, { kind: 'timeout' }>): string {
  if (o.after === 'not-run') return 'not run: this function timed out on the two cases before it (an endless loop?); fix that and grade again';
  if (o.after === 'short-limit') return `timed out: did not finish within ${o.limitMs / 1000} s, a short limit because the case before it timed out (the reference takes milliseconds here)`;
  return `timed out: did not finish within ${o.limitMs / 1000} s (${LIMIT_FACTOR} times the reference's time, at least ${LIMIT_FLOOR_MS / 1000} s) and was stopped; the other cases ran in a fresh process`;
}

/** `at kmeans.ts:12:7` when the stack names the submission. */
function firstFrame(stack: string | undefined, entry: string): string {
  const m = stack?.match(new RegExp(`${entry.replace('.', '\\.')}:(\\d+):(\\d+)`));
  return m ? `(at ${entry}:${m[1]}:${m[2]})` : '';
}
