/** What a class did, as data for the summary templates: scores, which cases students fail and why, slow and failed submissions. */
import type { Manifest } from '../definition/manifest.ts';
import { round } from '../score/score.ts';
import { errorsByCause, type CauseGroup } from './errors-by-cause.ts';
import { statusOf, type BookStatus, type Student } from './gradebook.ts';
import { hardestCases, share, type HardCase } from './hardest-cases.ts';
import type { SimilarPair } from './similarity/similar-pairs.ts';

export interface ClassSummary {
  assignment: { id: string; title: string };
  counts: { [s in BookStatus]: number } & { total: number };
  /** Over graded submissions (a time limit included), in percent of the maximum. */
  mean?: number;
  median?: number;
  histogram: { label: string; count: number; share: number }[];
  parts: { id: string; name: string; points: number; meanScore: number; fullMarks: number; graded: number }[];
  /** Every case some student failed, most failed first. */
  hardestCases: HardCase[];
  slowest: { student: string; ms: number; score: number }[];
  /** Submissions that were not graded, or graded without running (nothing compiled or loaded), by cause. */
  errors: CauseGroup[];
  similar: SimilarPair[];
}

const BINS = 10;
const SLOWEST = 5;

/** The summary of a graded class; `similar` comes from the similarity check (similar-pairs.ts). */
export function classSummary(manifest: Manifest, students: Student[], similar: SimilarPair[]): ClassSummary {
  const graded = students.filter((s) => s.results?.status === 'graded').map((s) => ({ id: s.id, r: s.results! }));
  const percents = graded.map(({ r }) => (r.maxScore ? (100 * r.score) / r.maxScore : 0)).sort((a, b) => a - b);
  const counts = { graded: 0, timeout: 0, error: 0, missing: 0, total: students.length };
  for (const s of students) counts[statusOf(s.results)]++;
  return {
    assignment: { id: manifest.id, title: manifest.title },
    counts,
    ...(percents.length ? { mean: round(percents.reduce((a, b) => a + b, 0) / percents.length), median: round(percents[Math.floor((percents.length - 1) / 2)]) } : {}),
    histogram: histogram(percents),
    parts: manifest.parts.map((p) => {
      const scores = graded.map(({ r }) => r.parts.find((x) => x.id === p.id)?.score ?? 0);
      return { id: p.id, name: p.name, points: p.points, graded: scores.length, meanScore: round(mean(scores)), fullMarks: round(100 * share(scores.filter((x) => x >= p.points).length, scores.length)) };
    }),
    hardestCases: hardestCases(graded.map((g) => g.r)),
    slowest: [...graded]
      .sort((a, b) => b.r.timing.totalMs - a.r.timing.totalMs)
      .slice(0, SLOWEST)
      .map(({ id, r }) => ({ student: id, ms: r.timing.totalMs, score: r.score })),
    errors: errorsByCause(students),
    similar,
  };
}

function histogram(percents: number[]): ClassSummary['histogram'] {
  const counts = new Array<number>(BINS).fill(0);
  for (const p of percents) counts[Math.min(BINS - 1, Math.floor(p / (100 / BINS)))]++;
  return counts.map((count, i) => ({ label: `${i * 10}-${i === BINS - 1 ? 100 : i * 10 + 9}`, count, share: round(100 * share(count, Math.max(...counts))) }));
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
