/** Reading a graded submission's results for the release check's messages. */
import type { Results } from '../../results/results.ts';

/** Parts that scored below their maximum, sorted. */
export const lostParts = (r: Results): string[] => r.parts.filter((p) => p.score < p.maxScore).map((p) => p.id).sort();

/** One line per case that did not pass (its message's first line), or the reason nothing was graded. */
export function failedCases(r: Results): string[] {
  if (r.status === 'error') return [`not graded: ${r.error?.message ?? 'unknown error'}`];
  return r.parts.flatMap((p) => p.cases.filter((c) => c.status !== 'passed').map((c) => `${p.id}/${c.id}: ${c.status}: ${c.message.split('\n')[0]}`));
}

/** The cases a fast backend got wrong and cpu then passed (the grader forgives them; a reference must not need it). */
export const backendDisagreements = (r: Results): string[] => r.staff.filter((s) => s.startsWith('backend disagreement:'));
