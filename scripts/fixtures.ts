/** `npm run fixtures <hw>`: regenerates an assignment's public and hidden fixtures. */
import { makeFixtures } from '../grader/authoring/make-fixtures.ts';
import { loadAssignment } from '../grader/definition/load-assignment.ts';
import { runScript } from './run-script.ts';

await runScript('npm run fixtures <assignment>', async ([name]) => {
  const a = loadAssignment(name);
  const start = performance.now();
  const files = await makeFixtures(a);
  console.log(`wrote ${files.length} fixtures for ${a.manifest.id} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
});
