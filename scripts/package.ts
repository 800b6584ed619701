/** `npm run package <hw> -- --gradescope|--student [--out <dir>]`: the zips a course hands out. */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadAssignment } from '../grader/definition/load-assignment.ts';
import { GraderError } from '../grader/errors.ts';
import { packageGradescope } from '../grader/packaging/gradescope-package.ts';
import { packageStudent } from '../grader/packaging/student-package.ts';
import { shown } from '../grader/paths.ts';
import { runScript } from './run-script.ts';

await runScript('npm run package <assignment> -- (--gradescope | --student) [--out <dir>]', async (args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { gradescope: { type: 'boolean' }, student: { type: 'boolean' }, out: { type: 'string', default: 'out' } },
  });
  if (positionals.length !== 1 || values.gradescope === values.student) {
    throw new GraderError('USAGE', 'name one assignment and exactly one of --gradescope, --student');
  }
  const a = loadAssignment(positionals[0]);
  // npm runs scripts from the project root; --out is relative to where the user typed the command.
  const outDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  mkdirSync(outDir, { recursive: true });
  const file = values.gradescope ? await packageGradescope(a, outDir) : await packageStudent(a, outDir);
  console.log(`wrote ${shown(file)} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB)`);
});
