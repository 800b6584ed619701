/** `npm run grade <hw> [-- options]`: grades one submission and prints a report. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import { courseLayout } from '../definition/course-layout.ts';
import { listAssignments, loadAssignment } from '../definition/load-assignment.ts';
import type { Assignment } from '../definition/manifest.ts';
import { gradeSubmission } from '../grade-submission.ts';
import { renderTerminal } from '../report/terminal.ts';
import { asGraderError, GraderError } from '../errors.ts';
import { errorResults, provenanceOf } from '../results/make-results.ts';
import type { Results } from '../results/results.ts';
import { sandbox } from '../run/sandbox.ts';
import { resolveSubmission } from '../static/compile-submission.ts';

interface CliOptions {
  submission?: string;
  solution?: boolean;
  backend: BackendChoice;
  json?: string;
  timeLimit?: number;
  memory: number;
  color: boolean;
  course?: string;
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

const program = new Command('npm run grade')
  .description('Grade a submission of an assignment and print what is right, what is wrong, by how much and where.')
  .argument('<assignment>', `assignment, by short name or folder (${listAssignments().join(', ') || 'none yet'})`)
  .option('--submission <file-or-folder>', 'the file to grade, or the folder holding it (default: your working copy in assignments/)')
  .option('--solution', 'grade the reference solution instead')
  .addOption(new Option('--backend <name>', 'TensorFlow.js backend; auto = tfjs-node if installed and working, else wasm, else cpu').choices(['auto', 'tensorflow', 'wasm', 'cpu']).default('auto'))
  .option('--json <file>', 'also write the results as JSON to this file')
  .option('--time-limit <ms>', "per-case time limit (default: the manifest's)", positiveInt)
  .option('--memory <mb>', 'memory cap of the student process', positiveInt, 2048)
  .option('--no-color', 'plain text output')
  .option('--course <dir>', 'the course folder holding assignments/, fixtures/ and (for staff) solutions/ (default: where this grader is installed)')
  .showHelpAfterError()
  .addHelpText('after', '\nExamples:\n  npm run grade hw1\n  npm run grade hw1 -- --solution\n  npm run grade hw3 -- --submission ~/subs/alice --json alice.json')
  .addHelpText('after', () => `\nSandbox on this machine: ${sandbox().description} (README: What the sandbox stops).`)
  .action(main);

async function main(name: string, opts: CliOptions): Promise<void> {
  let assignment: Assignment | undefined;
  try {
    assignment = loadAssignment(name, courseLayout(opts.course ? fromCaller(opts.course) : undefined));
    if (opts.solution && opts.submission) throw new GraderError('USAGE', 'give either --solution or --submission, not both');
    const base = opts.solution ? assignment.solutionDir : opts.submission ? fromCaller(opts.submission) : assignment.dir;
    const file = resolveSubmission(base, assignment.manifest.entry);
    const results = await gradeSubmission({ assignment, file, backend: opts.backend, memoryMb: opts.memory, timeLimitMs: opts.timeLimit });
    process.stdout.write(renderTerminal(results, opts.color && pc.isColorSupported));
    if (opts.json) writeJson(fromCaller(opts.json), results);
  } catch (e) {
    const err = asGraderError(e);
    console.error(`${pc.red('error:')} ${err.message}`);
    if (err.code === 'INTERNAL') console.error(err.cause instanceof Error ? err.cause.stack : err.stack);
    if (opts.json) writeJson(fromCaller(opts.json), notGraded(assignment?.manifest ?? { id: name, title: name }, err));
    process.exitCode = err.exitStatus;
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

/** A results file is written even when grading could not start, with the reason for staff. */
function notGraded(assignment: { id: string; title: string }, error: GraderError): Results {
  return errorResults({ assignment, submission: '', provenance: provenanceOf(undefined, '', ''), warnings: [], staff: [], timing: { totalMs: 0, compileMs: 0, casesMs: 0 }, error });
}

await program.parseAsync();
