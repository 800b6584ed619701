/** `npm run new <hwN> -- --title "<title>" [--course <dir>]`: scaffolds a new assignment that passes `npm run check` at once. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldAssignment } from '../grader/authoring/scaffold.ts';
import { courseLayout } from '../grader/definition/course-layout.ts';
import { GraderError } from '../grader/errors.ts';
import { shown } from '../grader/paths.ts';
import { runScript } from './run-script.ts';

await runScript('npm run new <hwN> -- --title "<title>" [--course <dir>]', async (args) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { title: { type: 'string' }, course: { type: 'string' } } });
  if (positionals.length !== 1 || !values.title) throw new GraderError('USAGE', 'name one assignment (hw8) and give its --title');
  // npm runs scripts from the project root; --course is relative to where the user typed the command.
  const layout = courseLayout(values.course && path.resolve(process.env.INIT_CWD ?? process.cwd(), values.course));
  const { files, fixtures } = await scaffoldAssignment({ short: positionals[0], title: values.title, layout });
  for (const f of files) console.log(`wrote ${shown(f)}`);
  console.log(`wrote ${fixtures.length} fixtures; next: npm run check ${positionals[0]}`);
});
