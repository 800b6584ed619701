import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import childMessageSchema from '../schemas/child-message.schema.json' with { type: 'json' };
import fixtureSchema from '../schemas/fixture.schema.json' with { type: 'json' };
import manifestSchema from '../schemas/manifest.schema.json' with { type: 'json' };
import resultsSchema from '../schemas/results.schema.json' with { type: 'json' };
import wireSchema from '../schemas/wire-value.schema.json' with { type: 'json' };

export type SchemaName = 'manifest' | 'fixture' | 'results' | 'child-message';

/** A data file that does not match its schema, with the file and the JSON path of the first problem. */
export class ValidationError extends Error {
  readonly code = 'INVALID_DATA';
  constructor(
    readonly file: string,
    readonly pointer: string,
    detail: string,
  ) {
    super(`${file}: ${pointer || '(top level)'}: ${detail}`);
  }
}

const ajv = new Ajv({ strict: true, allErrors: false });
ajv.addSchema(wireSchema);
const validators = {
  manifest: ajv.compile(manifestSchema),
  fixture: ajv.compile(fixtureSchema),
  results: ajv.compile(resultsSchema),
  'child-message': ajv.compile(childMessageSchema),
};

/** Checks `data` against a schema kept in grader/schemas, naming `file` in the error. */
export function validate<T>(schema: SchemaName, data: unknown, file: string): T {
  const check = validators[schema];
  if (!check(data)) throw toError(file, check.errors ?? []);
  return data as T;
}

/** Reads and validates a JSON file. */
export function readJson<T>(schema: SchemaName, file: string): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ValidationError(file, '', `not valid JSON (${(e as Error).message})`);
  }
  return validate<T>(schema, data, file);
}

function toError(file: string, errors: ErrorObject[]): ValidationError {
  // oneOf failures report every branch; the most specific one is the deepest path.
  const e = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!e) return new ValidationError(file, '', 'does not match its schema');
  const extra = e.keyword === 'additionalProperties' ? ` ('${(e.params as { additionalProperty: string }).additionalProperty}')` : '';
  const allowed = e.keyword === 'enum' ? ` (one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return new ValidationError(file, e.instancePath, `${e.message ?? 'invalid'}${extra}${allowed}`);
}
