import type { PartSpec } from '../definition/manifest.ts';
import type { CaseResult, PartResult } from '../results/results.ts';

/** A part's points are split over its judged cases by weight; public and hidden cases count alike. */
export function scorePart(part: PartSpec, cases: CaseResult[]): PartResult {
  const total = cases.filter((c) => c.status !== 'skipped').reduce((a, c) => a + c.weight, 0);
  const passed = cases.filter((c) => c.status === 'passed').reduce((a, c) => a + c.weight, 0);
  const score = total > 0 ? round(part.points * (passed / total)) : 0;
  const decidedElsewhere = cases.length > 0 && total === 0;
  return { id: part.id, name: part.name, score, maxScore: part.points, ...(decidedElsewhere ? { decidedElsewhere } : {}), cases };
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
