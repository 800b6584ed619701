/** `npm run migrate-manifest <hw>`: rewrites a version-1 manifest as version 2 and moves its hidden cases to solutions/<hw>/hidden-cases.json. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrateManifest, type ManifestV1 } from '../grader/authoring/migrate-manifest.ts';
import { courseLayout } from '../grader/definition/course-layout.ts';
import { HIDDEN_CASES_FILE, listAssignments, loadAssignment } from '../grader/definition/load-assignment.ts';
import { GraderError } from '../grader/errors.ts';
import { runScript } from './run-script.ts';

await runScript('npm run migrate-manifest <assignment>', async ([name]) => {
  const layout = courseLayout();
  const folder = listAssignments(layout).find((d) => d === name || d.split('-')[0] === name);
  if (!folder) throw new GraderError('USAGE', `no assignment '${name}'`);
  const file = path.join(layout.assignments, folder, 'manifest.json');
  const v1 = JSON.parse(readFileSync(file, 'utf8')) as ManifestV1;
  if (v1.schemaVersion !== 1) throw new GraderError('USAGE', `${file} is version ${v1.schemaVersion}, not 1: nothing to migrate`);
  const { manifest, hidden } = migrateManifest(v1);
  const write = (f: string, data: unknown) => writeFileSync(f, `${JSON.stringify(data, null, 2)}\n`);
  write(file, manifest);
  write(path.join(layout.solutions, folder, HIDDEN_CASES_FILE), hidden);
  loadAssignment(folder, layout); // the result must load: if it does not, say so now
  console.log(`migrated ${folder}: manifest.json is version 2, hidden cases are in solutions/${folder}/${HIDDEN_CASES_FILE}`);
});
