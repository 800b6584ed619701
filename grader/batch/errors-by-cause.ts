/** The submissions that were not graded, or graded without running, grouped by what went wrong. */
import type { Results } from '../results/results.ts';
import type { Student } from './gradebook.ts';

export interface CauseGroup {
  cause: string;
  students: string[];
}

/**
 * A cause is the error's code and first line with what names the student
 * (their id, paths, line numbers) left out, so one cause gathers its students.
 * A graded submission whose cases all failed for one reason (it did not
 * compile or load) is listed under that reason.
 */
export function errorsByCause(students: Student[]): CauseGroup[] {
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
      .replace(asWord(student), '<student>')
      .replace(/(?<=^|[\s'"(])\/[^\s:()'"]+/g, '<path>')
      .replace(/:\d+:\d+/g, '');
  if (r.status === 'error') return `${r.error!.code}: ${general(r.error!.message)}`;
  const cases = r.parts.flatMap((p) => p.cases);
  const loadFailure = cases.length && cases.every((c) => c.status === 'error' && c.message === cases[0].message);
  return loadFailure ? `not run: ${general(cases[0].message)}` : undefined;
}

/** The id where it stands as a word of its own (`e.zip`, not the `e` of `the`). */
function asWord(id: string): RegExp {
  return new RegExp(`(?<![\\w%@+.-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w%@+-])`, 'g');
}
