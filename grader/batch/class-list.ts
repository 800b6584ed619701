/** The gradebook's students: the roster's and whoever submitted, sorted by id, each with a name and results when there are any. */
import type { Results } from '../results/results.ts';
import { compareIds, type FoundSubmission } from './discover.ts';
import type { Student } from './gradebook.ts';
import type { RosterEntry } from './roster.ts';

/** Everyone on the roster and everyone who submitted, by id; a submitter missing from the roster is named in the log. */
export function classList(found: FoundSubmission[], results: Map<string, Results>, roster: RosterEntry[] | undefined, log: (line: string) => void): Student[] {
  const names = new Map(found.map((s) => [s.student, s.lmsName ?? '']));
  const ids = new Set([...(roster ?? []).map((r) => r.id), ...names.keys()]);
  if (roster) {
    const strangers = [...names.keys()].filter((id) => !roster.some((r) => r.id === id));
    if (strangers.length) log(`not on the roster: ${strangers.sort(compareIds).join(', ')}`);
  }
  return [...ids].sort(compareIds).map((id) => ({ id, name: roster?.find((r) => r.id === id)?.name ?? names.get(id) ?? '', results: results.get(id) }));
}
