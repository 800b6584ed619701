/** Grades a class: find the submissions, grade each (a pool, resumable), then write the gradebook and the class summary. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Assignment } from '../definition/manifest.ts';
import { loadFixtures } from '../fixtures/load-fixtures.ts';
import type { Reporter } from '../report/reporter.ts';
import { writeReports } from '../report/reporters.ts';
import type { Results } from '../results/results.ts';
import { limiter } from '../limiter.ts';
import type { BatchProgress } from './batch-progress.ts';
import { classSummary } from './class-summary.ts';
import { classList } from './class-list.ts';
import { compareIds, discover } from './discover.ts';
import { gradeOrKeep, type GradeOneOptions } from './grade-one.ts';
import { gradebookCsv, statusOf, type Student } from './gradebook.ts';
import { ResultStore } from './result-store.ts';
import type { RosterEntry } from './roster.ts';
import { normalise } from './similarity/normalise.ts';
import { similarPairs, type Normalised } from './similarity/similar-pairs.ts';
import { writeSummary } from './summary-report.ts';
import { writeAtomically } from '../write-atomically.ts';

export interface BatchOptions extends GradeOneOptions {
  /** The folder of submissions, in any layout discover() knows. */
  submissions: string;
  /** Everything the batch writes goes under this folder, and nowhere else. */
  out: string;
  jobs: number;
  roster?: RosterEntry[];
  /** The per-student report formats that write a file. */
  reporters: Reporter[];
  progress: BatchProgress;
  /** Lines for the TA: what was found, what could not be read. */
  log: (line: string) => void;
}

export interface BatchOutcome {
  /** Graded in a student process in this run. */
  graded: number;
  /** Unchanged since an earlier run: their stored results were kept. */
  kept: number;
  /** Refused before anything ran (a name that is not UTF-8, an unsafe zip, a link). */
  refused: number;
  students: Student[];
}

/** Grades every submission under `opts.submissions` and writes gradebook.csv, results/, reports/ and the class summary under `opts.out`. */
export async function gradeBatch(opts: BatchOptions): Promise<BatchOutcome> {
  const { assignment: a } = opts;
  // Loaded once, before any submission: stale fixtures stop the batch here, with the staff's error.
  const fixtures = loadFixtures(a);
  const found = discover(opts.submissions);
  opts.log(`found ${found.submissions.length} submission(s) in ${opts.submissions} (layout: ${found.layouts.join(', ') || 'none'})${found.ignored.length ? `; ignored: ${found.ignored.join(', ')}` : ''}`);
  const store = new ResultStore(path.join(opts.out, 'results'));
  const staging = path.join(opts.out, '.staging');
  const results = new Map<string, Results>();
  const normalised: Normalised[] = [];
  const count = { graded: 0, refused: 0, kept: 0 };
  opts.progress.start(found.submissions.length);
  const pool = limiter(Math.max(1, opts.jobs));
  const gradeOne = async (s: (typeof found.submissions)[number]): Promise<void> => {
    const started = performance.now();
    const { key, results: r, how, source } = await gradeOrKeep(s, opts, store, staging, fixtures);
    results.set(s.student, r);
    // Here, in the pool, rather than all at the end: normalising takes longer than comparing.
    if (source !== undefined) normalised.push({ student: s.student, units: await normalise(source) });
    count[how]++;
    const reports = path.join(opts.out, 'reports', s.student);
    // A kept result still gets the reports it lacks: deleted since, or in a format this run asks for.
    const lacking = how === 'kept' ? opts.reporters.filter((x) => x.file && !existsSync(path.join(reports, x.file))) : opts.reporters;
    await writeReports(r, lacking, reports, { colours: false });
    if (how !== 'kept') store.put(s.student, key, r);
    const took = how === 'kept' ? ' (unchanged since the last run)' : ` in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    opts.progress.done(`${how} ${s.student}: ${describe(r)}${took}`);
  };
  await Promise.all(found.submissions.map((s) => pool(() => gradeOne(s))));
  opts.progress.stop();
  rmSync(staging, { recursive: true, force: true });
  const students = classList(found.submissions, results, opts.roster, opts.log);
  writeAtomically(path.join(opts.out, 'gradebook.csv'), gradebookCsv(a.manifest, students));
  const similar = similarPairs(normalised.sort((x, y) => compareIds(x.student, y.student)), await normalise(stubOf(a)));
  writeSummary(classSummary(a.manifest, students, similar), opts.out);
  return { ...count, students };
}

/** The stub as shipped: what every student was given counts for no one in the similarity check. */
function stubOf(a: Assignment): string {
  const file = path.join(a.dir, a.manifest.entry);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function describe(r: Results): string {
  return r.status === 'error' ? `error: ${r.error?.message.split('\n')[0]}` : `${r.score}/${r.maxScore}${statusOf(r) === 'timeout' ? ' (a time limit was hit)' : ''}`;
}
