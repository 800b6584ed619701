import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { GraderError, type ErrorCode } from '../errors.ts';
import childMessageSchema from '../schemas/child-message.schema.json' with { type: 'json' };
import fixtureSchema from '../schemas/fixture.schema.json' with { type: 'json' };
import manifestSchema from '../schemas/manifest.schema.json' with { type: 'json' };
import resultsSchema from '../schemas/results.schema.json' with { type: 'json' };
import wireSchema from '../schemas/wire-value.schema.json' with { type: 'json' };

export type SchemaName = 'manifest' | 'fixture' | 'results' | 'child-message';

/** A data file that is wrong at a JSON path: the error names both, as `file: /path: detail`. */
export function dataError(file: string, pointer: string, detail: string, code: ErrorCode = 'INVALID_DATA'): GraderError {
  return new GraderError(code, `${file}: ${pointer || '(top level)'}: ${detail}`);
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
  return parseJson<T>(schema, readFileSync(file, 'utf8'), file);
}

/** Parses and validates JSON text read from `file`. */
export function parseJson<T>(schema: SchemaName, text: string, file: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw dataError(file, '', `not valid JSON (${(e as Error).message})`);
  }
  return validate<T>(schema, data, file);
}

function toError(file: string, errors: ErrorObject[]): GraderError {
  // oneOf failures report every branch; the most specific one is the deepest path.
  const e = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!e) return dataError(file, '', 'does not match its schema');
  const extra = e.keyword === 'additionalProperties' ? ` ('${(e.params as { additionalProperty: string }).additionalProperty}')` : '';
  const allowed = e.keyword === 'enum' ? ` (one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return dataError(file, e.instancePath, `${e.message ?? 'invalid'}${extra}${allowed}`);
}
