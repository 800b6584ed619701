/** The JSON schema files generated from typed schemas: their path and content (a test checks that the committed files match). */
import path from 'node:path';
import type { SchemaObject } from 'ajv';
import { ROOT } from '../paths.ts';
import { submissionMetadataSchema } from '../report/gradescope-metadata.ts';
import { recordSchema } from '../batch/record.ts';
import { hiddenCasesSchema, manifestSchema, observationSchema } from './manifest-schema.ts';

export function schemaFiles(): [string, SchemaObject][] {
  return [
    [path.join(ROOT, 'grader/schemas/manifest.schema.json'), manifestSchema],
    [path.join(ROOT, 'grader/schemas/hidden-cases.schema.json'), hiddenCasesSchema],
    [path.join(ROOT, 'grader/schemas/observation.schema.json'), observationSchema],
    [path.join(ROOT, 'grader/schemas/submission-metadata.schema.json'), submissionMetadataSchema],
    [path.join(ROOT, 'grader/schemas/batch-record.schema.json'), recordSchema],
  ];
}
