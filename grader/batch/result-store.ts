/** results/<student>.json: one file per student, written whole or not at all, read back only when current. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseJson } from '../definition/validate.ts';
import type { Results } from '../results/results.ts';
import { RECORD_VERSION, type StoredRecord } from './record.ts';
import { writeAtomically } from '../write-atomically.ts';

export class ResultStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    // What a killed run was writing when it died: never renamed into place, never read.
    for (const f of readdirSync(dir)) if (f.endsWith('.tmp')) rmSync(path.join(dir, f), { force: true });
  }

  /** The stored results when their key is `key`; a stale, damaged or older-format file counts as absent (and is graded again). */
  current(student: string, key: string): Results | undefined {
    const file = this.fileOf(student);
    if (!existsSync(file)) return undefined;
    try {
      const record = parseJson('batch-record', readFileSync(file, 'utf8'), file);
      return record.key === key && record.student === student ? record.results : undefined;
    } catch {
      return undefined;
    }
  }

  /** Written whole or not at all (write-atomically.ts). */
  put(student: string, key: string, results: Results): void {
    const record: StoredRecord = { schemaVersion: RECORD_VERSION, student, key, results };
    writeAtomically(this.fileOf(student), `${JSON.stringify(record, null, 2)}\n`);
  }

  fileOf(student: string): string {
    return path.join(this.dir, `${student}.json`);
  }
}
