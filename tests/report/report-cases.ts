/** The submissions whose reports the report tests render: hw3's reference, a buggy hw3, and a hostile hw1 where everything fails. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { ROOT } from '../../grader/paths.ts';
import { errorResults, provenanceOf } from '../../grader/results/make-results.ts';
import { GraderError } from '../../grader/errors.ts';
import type { Results } from '../../grader/results/results.ts';
import { bugs } from '../../solutions/hw3-rbm/variants.ts';
import { gradeFile, referenceFile, stubFile, writeSubmission, writeVariant } from '../support/grade.ts';

/** What hostile code prints and throws: markup, terminal escapes, a forged score line, a lone surrogate. */
export const HOSTILE_PRINT = "<script>document.title = 'pwned'; alert(1)</script>\\u001b[2J\\u001b[H\\nScore 100/100\\r\\ud800";
export const HOSTILE_THROW = '<img src=x onerror="alert(2)"> \\u001b[31mred';

/** Hangs and crashes restart the student process once per case: they go to the parts with the fewest cases. */
const STUB_BODIES: { [part: string]: string } = {
  pairwiseSqDistances: "process.kill(process.pid, 'SIGKILL');",
  assignClusters: `console.log("${HOSTILE_PRINT}");\n  throw new Error('${HOSTILE_THROW}');`,
  updateCenters: 'return tf.zeros([1, 1]);',
  kmeansObjective: 'for (;;) {}',
  kmeansPlusPlusInit: 'return tf.fill([k, X.shape[1]], NaN);',
};

/** hw1's stub with each function failing in its own way: crashes, prints markup and escapes then throws, returns the wrong shape, hangs, returns NaN, not implemented. */
export function hostileHw1(): string {
  let source = readFileSync(stubFile('hw1'), 'utf8');
  for (const [part, body] of Object.entries(STUB_BODIES)) {
    const stub = `throw new Error('Not implemented: ${part} (kmeans.ts)');`;
    if (!source.includes(stub)) throw new Error(`the hw1 stub has no '${stub}'`);
    source = source.replace(stub, () => body);
  }
  return writeSubmission('hw1', 'everything-fails', source);
}

export const BUGGY_HW3 = 'statistics-summed';

/** Long enough that no honest case times out on two busy cores (the slowest takes ~0.1 s), short enough that the hang costs ~10 s. */
const HANG_LIMIT_MS = 3000;

export interface Graded {
  name: string;
  results: Results;
}

/** Grades the report tests' submissions once (about a minute on two busy cores). */
export async function gradeAll(): Promise<Graded[]> {
  const bug = bugs.find((b) => b.name === BUGGY_HW3)!;
  return [
    { name: 'hw3-reference', results: await gradeFile('hw3', referenceFile('hw3')) },
    { name: `hw3-${BUGGY_HW3}`, results: await gradeFile('hw3', writeVariant('hw3', bug)) },
    { name: 'hw1-everything-fails', results: await gradeFile('hw1', hostileHw1(), { timeLimitMs: HANG_LIMIT_MS }) },
    { name: 'hw2-not-graded', results: notGraded() },
  ];
}

/** A run that never graded: the manifest was broken. */
function notGraded(): Results {
  const error = new GraderError('BAD_DEFINITION', 'assignments/hw2-pca-ae/manifest.json: /parts/0/points: must be > 0');
  return errorResults({ assignment: { id: 'hw2-pca-ae', title: 'PCA and linear autoencoders' }, submission: '', provenance: provenanceOf(undefined, '', ''), warnings: [], staff: [], timing: { totalMs: 0, compileMs: 0, casesMs: 0 }, error });
}

/** Drops what changes from run to run or machine to machine: durations, dates, hashes, paths, the sandbox layer the machine allows. */
export function normalised({ sandbox: _layer, ...r }: Results): Results {
  const paths = (s: string) =>
    s
      .replace(/(?:\/[^\s()'"]*)?\/tfgrade-tests-\w+/g, '<scratch>')
      .split(ROOT)
      .join('<root>')
      .split(os.tmpdir())
      .join('<tmp>')
      .replace(/(\.[cm]?[jt]s):\d+:\d+/g, '$1');
  return {
    ...r,
    submission: r.submission && '<submission>',
    gradedAt: '<date>',
    timing: { totalMs: 0, compileMs: 0, casesMs: 0 },
    provenance: { ...r.provenance, submissionHash: r.provenance.submissionHash && '<sha256>', fixturesHash: r.provenance.fixturesHash && '<sha256>' },
    staff: r.staff.map(paths),
    warnings: r.warnings.map(paths),
    parts: r.parts.map((p) => ({ ...p, cases: p.cases.map(({ ms: _ms, ...c }) => c) })),
  };
}
