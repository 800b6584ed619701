/** The class list a TA exports from the LMS: `id,name,email`, one student per row. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { GraderError } from '../errors.ts';
import { shown } from '../paths.ts';
import { studentIdOf } from './student-id.ts';

export interface RosterEntry {
  /** As a file name, the form submissions are found under (student-id.ts). */
  id: string;
  name: string;
  email: string;
}

/** Reads the roster; a missing `id` column, an empty id or an id listed twice is a usage error naming the line. */
export function readRoster(file: string): RosterEntry[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new GraderError('USAGE', `roster ${shown(file)}: ${(e as Error).message}`);
  }
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const where = `roster ${shown(file)}, line ${i + 2}`;
    if (row.id === undefined) throw new GraderError('USAGE', `roster ${shown(file)} has no 'id' column (columns: id,name,email)`);
    if (!row.id) throw new GraderError('USAGE', `${where}: empty id`);
    const id = studentIdOf(row.id);
    if (seen.has(id)) throw new GraderError('USAGE', `${where}: ${row.id} is listed twice`);
    seen.add(id);
    return { id, name: row.name ?? '', email: row.email ?? '' };
  });
}
