import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import type { ChildMessage } from '../../harness/protocol/messages.ts';
import { recordSchema, type StoredRecord } from '../batch/record.ts';
import { GraderError, type ErrorCode } from '../errors.ts';
import type { Fixture } from '../fixtures/fixture.ts';
import type { Results } from '../results/results.ts';
import childMessageSchema from '../schemas/child-message.schema.json' with { type: 'json' };
import fixtureSchema from '../schemas/fixture.schema.json' with { type: 'json' };
import resultsSchema from '../schemas/results.schema.json' with { type: 'json' };
import wireSchema from '../schemas/wire-value.schema.json' with { type: 'json' };
import type { HiddenCasesFile, ManifestFile } from './manifest.ts';
import { hiddenCasesSchema, manifestSchema, observationSchema } from './manifest-schema.ts';

/** The type each schema in grader/schemas describes: a value that passes `validate` is one. */
interface SchemaTypes {
  manifest: ManifestFile;
  'hidden-cases': HiddenCasesFile;
  fixture: Fixture;
  results: Results;
  'child-message': ChildMessage;
  'batch-record': StoredRecord;
}

export type SchemaName = keyof SchemaTypes;

/** A data file that is wrong at a JSON path: the error names both, as `file: /path: detail`. */
export function dataError(file: string, pointer: string, detail: string, code: ErrorCode = 'INVALID_DATA'): GraderError {
  return new GraderError(code, `${file}: ${pointer || '(top level)'}: ${detail}`);
}

const ajv = new Ajv({ strict: true, allErrors: false });
ajv.addSchema(wireSchema);
// The fixture schema refers to it (a fixture's spec records what its case observes).
ajv.addSchema(observationSchema);
// A batch's stored record holds results by reference.
ajv.addSchema(resultsSchema);
// Compiled on first use: a run that never reads a fixture never pays for its schema.
const sources: { [K in SchemaName]: SchemaObject } = {
  manifest: manifestSchema,
  'hidden-cases': hiddenCasesSchema,
  fixture: fixtureSchema,
  results: resultsSchema,
  'child-message': childMessageSchema,
  'batch-record': recordSchema,
};
const compiled = new Map<SchemaObject, ValidateFunction>();

/** What an invalid file of each kind is: a bad definition for staff, or data the grader made itself and must not have. */
const codes: { [K in SchemaName]: ErrorCode } = {
  manifest: 'BAD_DEFINITION',
  'hidden-cases': 'BAD_DEFINITION',
  fixture: 'FIXTURE',
  results: 'INTERNAL',
  'child-message': 'INVALID_DATA',
  'batch-record': 'INVALID_DATA',
};

/** The validator of a schema, compiled once (options and params schemas of comparators, properties and generators too). */
export function validatorOf<T>(schema: SchemaObject): ValidateFunction<T> {
  if (!compiled.has(schema)) compiled.set(schema, ajv.compile(schema));
  return compiled.get(schema) as ValidateFunction<T>;
}

/** Checks `data` against a schema kept in grader/schemas, naming `file` in the error. */
export function validate<K extends SchemaName>(schema: K, data: unknown, file: string): SchemaTypes[K] {
  return check<SchemaTypes[K]>(sources[schema], data, file, '', codes[schema]);
}

/** Checks `data` against any schema; the error names `file` and the JSON path under `at`. */
export function check<T>(schema: SchemaObject, data: unknown, file: string, at = '', code?: ErrorCode): T {
  const isValid = validatorOf<T>(schema);
  if (!isValid(data)) throw toError(file, at, isValid.errors ?? [], code);
  return data;
}

/** Reads and validates a JSON file. */
export function readJson<K extends SchemaName>(schema: K, file: string): SchemaTypes[K] {
  return parseJson(schema, readFileSync(file, 'utf8'), file);
}

/** Parses and validates JSON text read from `file`. */
export function parseJson<K extends SchemaName>(schema: K, text: string, file: string): SchemaTypes[K] {
  return validate(schema, parseText(text, file, codes[schema]), file);
}

/** JSON text as data, or an error naming the file. */
export function parseText(text: string, file: string, code?: ErrorCode): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw dataError(file, '', `not valid JSON (${(e as Error).message})`, code);
  }
}

function toError(file: string, at: string, errors: ErrorObject[], code?: ErrorCode): GraderError {
  // oneOf failures report every branch; the most specific one is the deepest path.
  const e = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!e) return dataError(file, at, 'does not match its schema', code);
  const extra = e.keyword === 'additionalProperties' ? ` ('${(e.params as { additionalProperty: string }).additionalProperty}')` : '';
  const allowed = e.keyword === 'enum' ? ` (one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return dataError(file, `${at}${e.instancePath}`, `${e.message ?? 'invalid'}${extra}${allowed}`, code);
}
