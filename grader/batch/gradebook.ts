/** gradebook.csv: one row per student, sorted by id, the same whatever order or --jobs the batch ran with. */
import { stringify } from 'csv-stringify/sync';
import type { Manifest } from '../definition/manifest.ts';
import type { Results } from '../results/results.ts';

/** `timeout`: graded, but a time limit cost at least one case; `missing`: on the roster, nothing submitted. */
export type BookStatus = 'graded' | 'error' | 'missing' | 'timeout';

export interface Student {
  id: string;
  name: string;
  /** Absent when the student submitted nothing. */
  results?: Results;
}

export function statusOf(r: Results | undefined): BookStatus {
  if (!r) return 'missing';
  if (r.status === 'error') return 'error';
  return r.parts.some((p) => p.cases.some((c) => c.status === 'timeout')) ? 'timeout' : 'graded';
}

/** The CSV text: `student,name,score,max_score,status`, then each part's points by part id (empty where nothing was graded). */
export function gradebookCsv(manifest: Manifest, students: Student[]): string {
  const maxScore = manifest.parts.reduce((s, p) => s + p.points, 0);
  const header = ['student', 'name', 'score', 'max_score', 'status', ...manifest.parts.map((p) => p.id)];
  const rows = students.map((s) => {
    const graded = s.results?.status === 'graded' ? s.results : undefined;
    const parts = manifest.parts.map((p) => graded?.parts.find((x) => x.id === p.id)?.score ?? '');
    return [s.id, inert(s.name), s.results ? s.results.score : '', maxScore, statusOf(s.results), ...parts];
  });
  return stringify([header, ...rows]);
}

/** A spreadsheet runs a cell that starts with = + - @ as a formula: such a name is kept as text. */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
