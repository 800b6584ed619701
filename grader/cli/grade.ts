/** `npm run grade <hw> [-- options]`: grades one submission and prints a report. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import { courseLayout } from '../definition/course-layout.ts';
import { listAssignments, loadAssignment } from '../definition/load-assignment.ts';
import type { Assignment } from '../definition/manifest.ts';
import { gradeSubmission } from '../grade-submission.ts';
import { readSubmissionMetadata } from '../report/gradescope-metadata.ts';
import type { Reporter } from '../report/reporter.ts';
import { parseReportList, reporters, writeReports } from '../report/reporters.ts';
import { asGraderError, GraderError } from '../errors.ts';
import { ungradedResults } from '../results/make-results.ts';
import type { Results } from '../results/results.ts';
import { sandbox } from '../run/sandbox.ts';
import { resolveSubmission } from '../static/compile-submission.ts';
import { BATCH_REPORTS, runBatch } from './grade-batch-command.ts';
import { rawOption, swallowedByNpm } from './npm-options.ts';
import { progressLine } from './progress.ts';
import type { LoadedCase } from '../fixtures/load-fixtures.ts';

/** One line, shown with every usage error; `--help` has the rest. */
const USAGE = 'usage: npm run grade <assignment> -- [options]   (npm run grade hw1 -- --help for every option)';

interface CliOptions {
  submission?: string;
  submissions?: string;
  jobs?: number;
  roster?: string;
  solution?: boolean;
  backend: BackendChoice;
  json?: string;
  report?: string;
  out?: string;
  timeLimit?: number;
  memory: number;
  color: boolean;
  course?: string;
  submissionMetadata?: string;
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

const program = new Command('npm run grade')
  .usage('<assignment> -- [options]')
  .description('Grade a submission of an assignment and print what is right, what is wrong, by how much and where.')
  .argument('<assignment>', `assignment, by short name or folder (${listAssignments().join(', ') || 'none yet'})`)
  .option('--submission <file-or-folder>', 'the file to grade, or the folder holding it (default: your working copy in assignments/)')
  .option('--solution', 'grade the reference solution instead')
  .option('--submissions <folder>', 'grade a whole class: a folder of folders or zips (one per student id), or a Canvas or Moodle export')
  .option('--jobs <n>', 'with --submissions: submissions graded at once (default: the number of cores)', positiveInt)
  .option('--roster <csv>', 'with --submissions: the class list (id,name,email); who is on it and submitted nothing is listed as missing')
  .addOption(new Option('--backend <name>', 'TensorFlow.js backend; auto = tfjs-node if installed and working, else wasm, else cpu').choices(['auto', 'tensorflow', 'wasm', 'cpu']).default('auto'))
  .option('--json <file>', 'also write the results as JSON to this file')
  .option('--report <formats>', `comma-separated report formats: ${reporters.map((r) => r.name).join(', ')} (default: terminal; ${BATCH_REPORTS} per student with --submissions)`)
  .option('--out <dir>', 'folder for the report files (md, html, json, gradescope) (default: report; grades/<assignment> with --submissions)')
  .option('--time-limit <ms>', "per-case time limit (default: the manifest's)", positiveInt)
  .option('--memory <mb>', 'memory cap of the student process', positiveInt, 2048)
  .option('--no-color', 'plain text output')
  .option('--submission-metadata <file>', "Gradescope's submission_metadata.json, for the Gradescope report (who submitted, when)")
  .option('--course <dir>', 'the course folder holding assignments/, fixtures/ and (for staff) solutions/ (default: where this grader is installed)')
  .exitOverride()
  .configureOutput({ outputError: () => undefined })
  .addHelpText('after', '\nOptions go after `--`, or npm keeps them for itself.\n\nExamples:\n  npm run grade hw1\n  npm run grade hw1 -- --solution\n  npm run grade hw3 -- --submission ~/subs/alice --json alice.json\n  npm run grade hw3 -- --report terminal,html,gradescope --out reports/alice\n  npm run grade hw3 -- --submissions ~/subs --roster class.csv --jobs 2')
  .addHelpText('after', () => `\nSandbox on this machine: ${sandbox().description} (README: What the sandbox stops).`)
  .action(main);

async function main(name: string, opts: CliOptions): Promise<void> {
  let assignment: Assignment | undefined;
  let chosen: Reporter[] = [];
  const ctx = { colours: opts.color && pc.isColorSupported, ...(opts.submissionMetadata ? { submissionMetadata: readSubmissionMetadata(fromCaller(opts.submissionMetadata)) } : {}) };
  try {
    chosen = parseReportList(opts.report ?? (opts.submissions ? BATCH_REPORTS : 'terminal'));
    assignment = loadAssignment(name, courseLayout(opts.course ? fromCaller(opts.course) : undefined));
    if ([opts.solution, opts.submission, opts.submissions].filter(Boolean).length > 1) throw new GraderError('USAGE', 'give one of --solution, --submission and --submissions');
    if (opts.submissions && opts.json) throw new GraderError('USAGE', '--json is for one submission: a batch writes each result to results/<student>.json under --out');
    if (opts.submissions) return await runBatch(assignment, { ...opts, submissions: opts.submissions }, chosen, fromCaller);
    if (opts.jobs || opts.roster) throw new GraderError('USAGE', '--jobs and --roster go with --submissions');
    const base = opts.solution ? assignment.solutionDir : opts.submission ? fromCaller(opts.submission) : assignment.dir;
    const file = resolveSubmission(base, assignment.manifest.entry);
    const progress = progressLine(process.stderr);
    const onCase = (c: LoadedCase, i: number, total: number) => progress.update(`grading ${c.key} (${i + 1}/${total})...`);
    const results = await gradeSubmission({ assignment, file, backend: opts.backend, memoryMb: opts.memory, timeLimitMs: opts.timeLimit, onCase }).finally(() => progress.done());
    if (opts.json) writeJson(fromCaller(opts.json), results);
    const { terminal } = await writeReports(results, chosen, fromCaller(opts.out ?? 'report'), ctx);
    if (terminal) process.stdout.write(terminal);
  } catch (e) {
    const err = asGraderError(e);
    fail(err, opts.json, assignment?.manifest ?? { id: name, title: name });
    // The report files a run asked for are written for an ungraded run too: a batch or Gradescope reads them.
    if (!opts.submissions) await writeReports(ungradedResults(assignment?.manifest ?? { id: name, title: name }, '', err), chosen.filter((r) => r.file), fromCaller(opts.out ?? 'report'), { ...ctx, colours: false });
  }
}

/** Every failure ends here: the error (with the usage line when it is the command's), the results file, the exit status. */
function fail(err: GraderError, json: string | undefined, assignment: { id: string; title: string }): void {
  console.error(`${pc.red('error:')} ${err.message}`);
  if (err.code === 'USAGE') console.error(USAGE);
  if (err.code === 'INTERNAL') console.error(err.cause instanceof Error ? err.cause.stack : err.stack);
  if (json) writeJson(fromCaller(json), ungradedResults(assignment, '', err));
  process.exitCode = err.exitStatus;
}

/** Options npm kept for itself, or a command line commander refuses, are usage errors like any other. */
async function run(argv: string[]): Promise<void> {
  const swallowed = swallowedByNpm(program.options.map((o) => o.long!).filter(Boolean));
  const name = argv.find((a) => !a.startsWith('-')) ?? '<assignment>';
  if (swallowed.length) {
    const message = `npm kept ${swallowed.join(', ')} for itself: put \`--\` before the options, e.g. npm run grade ${name} -- ${swallowed.join(' ')}`;
    return fail(new GraderError('USAGE', message), rawOption(argv, '--json'), { id: name, title: name });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    if (e.exitCode === 0) return; // --help, --version
    fail(new GraderError('USAGE', e.message.replace(/^error: /, '')), rawOption(argv, '--json'), { id: name, title: name });
  }
}

/** `npm run` starts scripts in the project root; the user's paths are relative to where they typed the command. */
function fromCaller(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function writeJson(file: string, results: Results): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

await run(process.argv.slice(2));
