import type { WireValue } from '../../harness/protocol/values.ts';
import type { Assignment, CheckSpec, Tolerance } from '../definition/manifest.ts';
import type { Verdict } from '../definition/property.ts';
import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import type { CaseResult, CaseStatus, CheckResult } from '../results/results.ts';
import type { Outcome } from '../run/student-process.ts';
import { comparators } from './comparators/index.ts';
import { atPath, observe, type Observed } from './observed.ts';
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
  let unjudged = 0;
  let firstFailed: CheckSpec | undefined;
  for (const spec of c.spec.checks) {
    const check = await runCheck(a, c, spec, actual, outcome.value, references);
    if (check) checks.push(check);
    else unjudged++;
    if (check && !check.pass) firstFailed ??= spec;
  }
  if (outcome.damagedInputs.length) {
    checks.push({ what: 'inputs left intact', pass: false, message: `the function disposed or changed its inputs: ${outcome.damagedInputs.join(', ')}` });
  }
  const failed = checks.filter((k) => !k.pass);
  if (!failed.length && unjudged) {
    return { ...base, status: 'skipped', message: "judged only by the course staff's grader (its graded properties are not in this copy)", checks, ms: outcome.ms };
  }
  const diagnosis = firstFailed && (await diagnose(a, c, firstFailed, outcome.value));
  const leak = outcome.leaked ? ` (leaked ${outcome.leaked} tensor${outcome.leaked > 1 ? 's' : ''}: wrap the work in tf.tidy or dispose intermediates)` : '';
  return {
    ...base,
    status: failed.length ? 'failed' : 'passed',
    message: failed.length ? [...failed.map((k) => `${k.what}: ${k.message}`), ...(diagnosis ? [`diagnosis: ${diagnosis}`] : [])].join('\n') : `passed${leak}`,
    checks,
    ...(diagnosis ? { diagnosis } : {}),
    ms: outcome.ms,
    leakedTensors: outcome.leaked,
  };
}

/** The fixture's expected output and truth, decoded once per case rather than once per check. */
function referencesOf(c: LoadedCase): { reference: Observed; truth?: Observed } {
  return { reference: observe(c.fixture.expected), truth: c.fixture.truth && observe(c.fixture.truth) };
}

/** The check's result, or undefined for a property this copy of the course does not have. */
async function runCheck(a: Assignment, c: LoadedCase, spec: CheckSpec, actual: Observed, wire: WireValue, refs: ReturnType<typeof referencesOf>): Promise<CheckResult | undefined> {
  const reference = spec.against === 'truth' ? refs.truth : refs.reference;
  if (reference === undefined) throw new Error(`${c.key}: a check compares with the truth, but the fixture has none`);
  const tolerance = spec.tolerance === undefined ? undefined : a.manifest.tolerances[spec.tolerance];
  const verdict = spec.comparator === 'property' ? await runProperty(a, c, spec, tolerance, wire) : runComparator(spec, tolerance, actual, reference);
  return verdict && { what: describeCheck(spec), ...verdict };
}

function runComparator(spec: CheckSpec, tolerance: Tolerance | undefined, actual: Observed, reference: Observed): Verdict {
  const comparator = comparators.get(spec.comparator)!;
  const got = atPath(actual, spec.path);
  if (!got.found) return { pass: false, message: got.missing };
  const expected = comparator.needsExpected ? atPath(reference, spec.path) : undefined;
  if (expected && !expected.found) throw new Error(`the fixture's expected value has no '${spec.path}'`);
  return comparator.judge({ actual: got.value, expected: expected?.value, tolerance, options: spec.options ?? {} });
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
      const prefix = o.errorKind === 'threw' ? `threw ${firstFrame(o.stack, entry)}: ` : '';
      return { status, message: `${prefix}${o.message}`, ms: o.ms };
    }
    case 'timeout':
      return { status: 'timeout', message: `timed out: did not finish within ${o.limitMs / 1000} s and was stopped (the other cases ran in a fresh process)` };
    case 'crashed':
      return { status: 'crashed', message: o.message };
    case 'load-error':
      return { status: 'error', message: o.message };
  }
}

/** `at kmeans.ts:12:7` when the stack names the submission. */
function firstFrame(stack: string | undefined, entry: string): string {
  const m = stack?.match(new RegExp(`${entry.replace('.', '\\.')}:(\\d+):(\\d+)`));
  return m ? `(at ${entry}:${m[1]}:${m[2]})` : '';
}
