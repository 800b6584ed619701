/**
 * The schemas of manifest.json and hidden-cases.json, typed by ajv's
 * JSONSchemaType so that they cannot drift from the TypeScript types.
 * grader/schemas/*.schema.json are generated from these (`npm run schemas`).
 */
import type { JSONSchemaType } from 'ajv';
import type { CaseDecl, CaseDefaults, CheckSpec, HiddenCasesFile, ManifestFile, StaticCheckSpec, Tolerance } from './manifest.ts';

const BASE = 'https://tfgrade.dev/schemas';

// Options and params are JSON that only the named comparator, property or generator can judge: their own
// schemas check them at load. JSONSchemaType has no form for "any JSON object", hence the cast.
const freeObject = { type: 'object', nullable: true, required: [] } as never;
const limitMs = { type: 'integer', minimum: 100, maximum: 600000 } as const;
const name = { type: 'string', minLength: 1 } as const;

const check: JSONSchemaType<CheckSpec> = {
  type: 'object',
  properties: {
    path: { type: 'string', nullable: true },
    comparator: name,
    tolerance: { ...name, nullable: true },
    against: { type: 'string', enum: ['reference', 'truth'], nullable: true },
    property: { ...name, nullable: true },
    options: freeObject,
  },
  required: ['comparator'],
  additionalProperties: false,
};

const defaultsProps = {
  generator: { ...name, nullable: true },
  checks: { type: 'array', items: check, minItems: 1, nullable: true },
  diagnosis: { ...name, nullable: true },
} as const;

const defaults: JSONSchemaType<CaseDefaults> = { type: 'object', properties: defaultsProps, required: [], additionalProperties: false };

const caseDecl: JSONSchemaType<CaseDecl> = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    title: { type: 'string', nullable: true },
    seed: { type: 'integer', minimum: 0 },
    params: freeObject,
    timeLimitMs: { ...limitMs, nullable: true },
    weight: { type: 'number', exclusiveMinimum: 0, nullable: true },
    ...defaultsProps,
  },
  required: ['id', 'seed'],
  additionalProperties: false,
};

const tolerance: JSONSchemaType<Tolerance> = {
  type: 'object',
  properties: {
    rtol: { type: 'number', minimum: 0 },
    atol: { type: 'number', minimum: 0 },
    scaleAtol: { type: 'boolean', nullable: true },
    why: name,
  },
  required: ['rtol', 'atol', 'why'],
  additionalProperties: false,
};

const staticCheck: JSONSchemaType<StaticCheckSpec> = {
  type: 'object',
  properties: {
    rule: name,
    functions: { type: 'array', items: { type: 'string' }, minItems: 1 },
    calls: { type: 'array', items: { type: 'string' }, minItems: 1 },
    reason: name,
  },
  required: ['rule', 'functions', 'calls', 'reason'],
  additionalProperties: false,
};

export const manifestSchema: JSONSchemaType<ManifestFile> = {
  $id: `${BASE}/manifest.schema.json`,
  title: 'tfgrade assignment manifest (the public cases)',
  type: 'object',
  properties: {
    $schema: { type: 'string', nullable: true },
    schemaVersion: { type: 'integer', const: 2 },
    id: { type: 'string', pattern: '^hw[0-9]+-[a-z0-9-]+$' },
    title: name,
    entry: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.ts$' },
    timeLimitMs: limitMs,
    tolerances: { type: 'object', additionalProperties: tolerance, required: [] },
    staticChecks: { type: 'array', items: staticCheck, nullable: true },
    parts: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
          name,
          points: { type: 'number', exclusiveMinimum: 0 },
          defaults: { ...defaults, nullable: true },
          cases: { type: 'array', items: caseDecl, minItems: 1 },
        },
        required: ['id', 'name', 'points', 'cases'],
        additionalProperties: false,
      },
    },
  },
  required: ['schemaVersion', 'id', 'title', 'entry', 'timeLimitMs', 'tolerances', 'parts'],
  additionalProperties: false,
};

export const hiddenCasesSchema: JSONSchemaType<HiddenCasesFile> = {
  $id: `${BASE}/hidden-cases.schema.json`,
  title: 'tfgrade hidden cases of an assignment (staff only)',
  type: 'object',
  properties: {
    $schema: { type: 'string', nullable: true },
    schemaVersion: { type: 'integer', const: 2 },
    assignment: { type: 'string', pattern: '^hw[0-9]+-[a-z0-9-]+$' },
    parts: { type: 'object', additionalProperties: { type: 'array', items: caseDecl }, required: [] },
  },
  required: ['schemaVersion', 'assignment', 'parts'],
  additionalProperties: false,
};
