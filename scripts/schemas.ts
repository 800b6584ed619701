/** `npm run schemas`: writes the JSON schema files that editors and other tools read, from the typed schemas in the grader. */
import { writeFileSync } from 'node:fs';
import { schemaFiles } from '../grader/definition/schema-files.ts';

for (const [file, schema] of schemaFiles()) writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
console.log('wrote the generated schema files');
