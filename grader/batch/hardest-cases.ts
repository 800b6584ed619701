/** The cases students fail, most failed first, each with its pass rate and the failure and diagnosis most of them share. */
import type { Results } from '../results/results.ts';
import { round } from '../score/score.ts';

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

/** Over the graded submissions' results: every case some student failed, most failed first. */
export function hardestCases(graded: Results[]): HardCase[] {
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

/** n / of, and 0 of nothing. */
export const share = (n: number, of: number) => (of ? n / of : 0);
