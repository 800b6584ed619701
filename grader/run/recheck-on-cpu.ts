import type { LoadedCase } from '../fixtures/load-fixtures.ts';
import type { CaseResult, CaseStatus } from '../results/results.ts';
import type { RunReport } from './run-cases.ts';
import type { Outcome } from './student-process.ts';

/** A case the fast backend got wrong: it failed there and passed on cpu. */
export interface Disagreement {
  caseKey: string;
  backend: string;
  /** The kernel at fault, when the error names it (`Kernel 'Einsum' not registered`). */
  op?: string;
  /** What the fast backend's run came to: its status and message (the "how much"). */
  fast: Pick<CaseResult, 'status' | 'message'>;
}

export interface Recheck {
  /** Every case's result, those that passed on cpu replaced. */
  judged: Map<string, CaseResult>;
  disagreements: Disagreement[];
}

/** Outcomes a backend bug can cause. A timeout is left alone: cpu is the slower backend. */
const SUSPECT: ReadonlySet<CaseStatus> = new Set(['failed', 'error', 'crashed']);

/**
 * The net under the fast backends (design invariant 5): a case that fails,
 * throws or crashes on wasm or tfjs-node runs again on cpu, the
 * deterministic backend the fixtures come from. When cpu passes it, the case
 * passes and the disagreement is reported; otherwise the fast backend's
 * result stands. So a backend's bug never costs a student points.
 */
export async function recheckOnCpu(
  cases: LoadedCase[],
  judged: Map<string, CaseResult>,
  backend: string,
  runOnCpu: (cases: LoadedCase[]) => Promise<RunReport>,
  judge: (c: LoadedCase, o: Outcome) => Promise<CaseResult>,
): Promise<Recheck> {
  const suspects = backend === 'cpu' ? [] : cases.filter((c) => SUSPECT.has(judged.get(c.key)!.status));
  if (!suspects.length) return { judged, disagreements: [] };
  const rerun = await runOnCpu(suspects);
  const out = new Map(judged);
  const disagreements: Disagreement[] = [];
  for (const c of suspects) {
    const onCpu = await judge(c, rerun.outcomes.get(c.key)!);
    if (onCpu.status !== 'passed') continue;
    const fast = judged.get(c.key)!;
    out.set(c.key, { ...onCpu, message: `passed on cpu (the ${backend} backend got this case wrong: not your code's fault)` });
    disagreements.push({ caseKey: c.key, backend, op: kernelNamed(fast.message), fast: { status: fast.status, message: fast.message } });
  }
  return { judged: out, disagreements };
}

function kernelNamed(message: string): string | undefined {
  return /Kernel '(\w+)' not registered/.exec(message)?.[1];
}

/** One line for the student: which cases were decided on cpu, and that it is not their doing. */
export function disagreementWarning(d: Disagreement[]): string[] {
  if (!d.length) return [];
  const backend = d[0].backend;
  return [`${d.length} case(s) failed on the ${backend} backend but passed on cpu, the reference backend, and count as passed: a TensorFlow.js ${backend} bug, reported to the course staff (${d.map((x) => x.caseKey).join(', ')}).`];
}

/** For the staff: each disagreement, with the op when known and what the fast backend returned. */
export function disagreementNotes(d: Disagreement[]): string[] {
  return d.map((x) => `backend disagreement: ${x.caseKey} failed on ${x.backend} and passed on cpu${x.op ? `; op ${x.op}` : ''}; ${x.backend} said (${x.fast.status}): ${x.fast.message.split('\n')[0].slice(0, 500)}`);
}
