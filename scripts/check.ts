/** `npm run check [hw...] -- [--course <dir>] [--calibration] [--only <items>]`: proves assignments ready to release; exit 1 when anything is not. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { courseLayout } from '../grader/definition/course-layout.ts';
import { listAssignments } from '../grader/definition/load-assignment.ts';
import { checkCourse, isReady } from '../grader/release/check-course.ts';
import { renderCheck } from '../grader/release/render-check.ts';
import { runScript } from './run-script.ts';

await runScript(
  'npm run check [assignment...] -- [--course <dir>] [--calibration] [--only <item,item>]',
  async (args) => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { course: { type: 'string' }, calibration: { type: 'boolean', default: false }, only: { type: 'string' } } });
    const only = values.only?.split(',');
    // npm runs scripts from the project root; --course is relative to where the user typed the command.
    const layout = courseLayout(values.course && path.resolve(process.env.INIT_CWD ?? process.cwd(), values.course));
    const names = positionals.length ? positionals : listAssignments(layout);
    const start = performance.now();
    const checks = await checkCourse(names, layout, { only, onDone: (c) => console.error(`checked ${c.assignment} in ${(c.ms / 1000).toFixed(0)} s`) });
    console.log(renderCheck(checks, { calibration: values.calibration, totalMs: performance.now() - start, only }));
    if (!checks.every((c) => isReady(c, only))) process.exitCode = 1;
  },
  { argsOptional: true },
);
