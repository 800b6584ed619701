/** What the batch keeps of one graded submission: its results, and the key that says whether they are still current. */
import type { JSONSchemaType } from 'ajv';
import type { Results } from '../results/results.ts';

export const RECORD_VERSION = 1;

export interface StoredRecord {
  schemaVersion: number;
  student: string;
  /** sha256 over the submission's files, the grader's version, the fixtures and the grading options: a different key, a new grading. */
  key: string;
  results: Results;
}

/** Typed by ajv so it cannot drift from StoredRecord; the results inside are checked by their own schema. */
export const recordSchema: JSONSchemaType<StoredRecord> = {
  $id: 'https://tfgrade.dev/schemas/batch-record.schema.json',
  title: 'tfgrade batch: the stored results of one student',
  type: 'object',
  properties: {
    schemaVersion: { type: 'integer', const: RECORD_VERSION },
    student: { type: 'string', minLength: 1 },
    key: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    // JSONSchemaType cannot type a $ref: the results schema is its own file.
    results: { $ref: 'results.schema.json' } as never,
  },
  required: ['schemaVersion', 'student', 'key', 'results'],
  additionalProperties: false,
};
