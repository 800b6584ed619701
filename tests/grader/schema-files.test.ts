import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../grader/definition/schema-files.ts';

describe('generated schema files', () => {
  it.each(schemaFiles().map(([file, schema]) => [file.replace(/.*grader\//, 'grader/'), file, schema] as const))('%s is what the typed schema says (npm run schemas)', (_, file, schema) => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schema);
  });
});
