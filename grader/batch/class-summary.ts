/** What a class did, as data for the summary templates: scores, which cases students fail and why, slow and failed submissions. */
import type { Manifest } from '../definition/manifest.ts';
import type { Results } from '../results/results.ts';
import { statusOf, type BookStatus, type Student } from './gradebook.ts';
import type { SimilarPair } from './similarity/similar-pairs.ts';

export interface ClassSummary {
  assignment: { id: string; title: string };
  counts: { [s in BookStatus]: number } & { total: number };
  /** Over graded submissions (a time limit included), in percent of the maximum. */
  mean?: number;
  median?: number;
  histogram: { label: string; count: number; share: number }[];
  parts: { id: string; name: string; points: number; meanScore: number; fullMarks: number; graded: number }[];
  /** The cases most students fail, most failed first. */
  hardestCases: HardCase[];
  slowest: { student: string; ms: number; score: number }[];
  /** Submissions that were not graded, or graded without running (nothing compiled or loaded), by cause. */
  errors: { cause: string; students: string[] }[];
  similar: SimilarPair[];
}

export interface HardCase {
  part: string;
  id: string;
  visibility: 'public' | 'hidden';
  failed: number;
  of: number;
  passRate: number;
  /** The most common failure (its message's first clause, numbers aside), one example of it, and how many share it. */
  message: string;
  messageCount: number;
  diagnosis?: string;
  diagnosisCount?: number;
}

const BINS = 10;
const HARDEST = 12;
const SLOWEST = 5;

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

function hardestCases(graded: Results[]): HardCase[] {
  const byCase = new Map<string, { part: string; id: string; visibility: 'public' | 'hidden'; of: number; messages: string[]; diagnoses: string[] }>();
  for (const r of graded) {
    for (const p of r.parts) {
      for (const c of p.cases.filter((x) => x.status !== 'skipped')) {
        const key = `${p.id}/${c.id}`;
        const entry = byCase.get(key) ?? { part: p.id, id: c.id, visibility: c.visibility, of: 0, messages: [], diagnoses: [] };
        entry.of++;
        if (c.status !== 'passed') {
          entry.messages.push(c.message);
          if (c.diagnosis) entry.diagnoses.push(c.diagnosis);
        }
        byCase.set(key, entry);
      }
    }
  }
  return [...byCase.values()]
    .filter((e) => e.messages.length)
    .sort((a, b) => b.messages.length - a.messages.length || (a.part + a.id < b.part + b.id ? -1 : 1))
    .slice(0, HARDEST)
    .map((e) => {
      // A case's message lists every check: its first clause says what failed, and numbers aside it is what students share.
      const message = mostCommon(e.messages.map(firstClause), (m) => m.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, '#'))!;
      const diagnosis = mostCommon(e.diagnoses, (d) => d);
      return {
        part: e.part,
        id: e.id,
        visibility: e.visibility,
        failed: e.messages.length,
        of: e.of,
        passRate: round(100 * share(e.of - e.messages.length, e.of)),
        message: message.example,
        messageCount: message.count,
        ...(diagnosis ? { diagnosis: diagnosis.example, diagnosisCount: diagnosis.count } : {}),
      };
    });
}

/**
 * A cause is the error's code and first line with what names the student
 * (their id, paths, line numbers) left out, so one cause gathers its students.
 * A graded submission whose cases all failed for one reason (it did not
 * compile or load) is listed under that reason.
 */
function errorsByCause(students: Student[]): ClassSummary['errors'] {
  const byCause = new Map<string, string[]>();
  for (const s of students) {
    const cause = causeOf(s.id, s.results);
    if (cause) byCause.set(cause, [...(byCause.get(cause) ?? []), s.id]);
  }
  return [...byCause].map(([cause, ids]) => ({ cause, students: ids })).sort((a, b) => b.students.length - a.students.length || (a.cause < b.cause ? -1 : 1));
}

function causeOf(student: string, r: Results | undefined): string | undefined {
  if (!r) return undefined;
  const general = (m: string) =>
    m
      .split('\n')[0]
      .replaceAll(student, '<student>')
      .replace(/(?<=^|[\s'"(])\/[^\s:()'"]+/g, '<path>')
      .replace(/:\d+:\d+/g, '');
  if (r.status === 'error') return `${r.error!.code}: ${general(r.error!.message)}`;
  const cases = r.parts.flatMap((p) => p.cases);
  const loadFailure = cases.length && cases.every((c) => c.status === 'error' && c.message === cases[0].message);
  return loadFailure ? `not run: ${general(cases[0].message)}` : undefined;
}

function firstClause(message: string): string {
  return message.split(/;|\n/)[0].slice(0, 200);
}

/** The most frequent value by `key`, one example of it, and its count; ties go to the first seen. */
function mostCommon(xs: string[], key: (x: string) => string): { example: string; count: number } | undefined {
  const groups = new Map<string, { example: string; count: number }>();
  for (const x of xs) {
    const g = groups.get(key(x)) ?? { example: x, count: 0 };
    g.count++;
    groups.set(key(x), g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count)[0];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const share = (n: number, of: number) => (of ? n / of : 0);
const round = (x: number) => Math.round(x * 100) / 100;
