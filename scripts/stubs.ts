/** `npm run stubs <hw>`: regenerates the student stub from the reference solution. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeStub } from '../grader/authoring/make-stub.ts';
import { loadAssignment } from '../grader/definition/load-assignment.ts';
import { shown } from '../grader/paths.ts';
import { runScript } from './run-script.ts';

await runScript('npm run stubs <assignment>', async ([name]) => {
  const a = loadAssignment(name);
  const source = path.join(a.solutionDir, a.manifest.entry);
  const target = path.join(a.dir, a.manifest.entry);
  writeFileSync(target, makeStub(a.manifest.entry, readFileSync(source, 'utf8')));
  console.log(`wrote ${shown(target)} from ${shown(source)}`);
});
