/** Gradescope's results.json: one test per part carrying its score, one per case carrying its verdict, hidden ones hidden until grades are published. */
import { Ajv } from 'ajv';
import schema from '../schemas/gradescope-results.schema.json' with { type: 'json' };
import { GraderError } from '../errors.ts';
import type { Results } from '../results/results.ts';
import { textHelpers } from './helpers.ts';
import { metadataLines, type MetadataReading } from './gradescope-metadata.ts';
import type { Reporter } from './reporter.ts';
import { reportView, type CaseView, type PartView, type ReportView } from './report-view.ts';
import { reportTemplate } from './template.ts';

type Visibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  name: string;
  number: string;
  score?: number;
  max_score?: number;
  status?: 'passed' | 'failed';
  output: string;
  output_format: 'text';
  tags: string[];
  visibility: Visibility;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  visibility: Visibility;
  stdout_visibility: Visibility;
  extra_data: { [key: string]: unknown };
  tests: GradescopeTest[];
}

const validate = new Ajv({ strict: true }).compile<GradescopeResults>(schema);

const helpers = { ...textHelpers, inline: (s: string) => s };

export const gradescopeReporter: Reporter = {
  name: 'gradescope',
  description: "Gradescope's results.json (hidden cases shown when grades are published)",
  file: 'results.json',
  render(results, ctx) {
    const out = gradescopeResults(results, ctx.submissionMetadata);
    if (!validate(out)) throw new GraderError('INTERNAL', `the Gradescope results do not match their schema: ${JSON.stringify(validate.errors)}`);
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};

/** The results in Gradescope's format; the top-level score is the grade, whatever the tests say. */
export function gradescopeResults(results: Results, reading?: MetadataReading): GradescopeResults {
  const view = reportView(results);
  const about = aboutSubmission(reading, results.maxScore);
  const text = {
    summary: reportTemplate('gradescope-summary.hbs', helpers, { noEscape: true }),
    part: reportTemplate('gradescope-part.hbs', helpers, { noEscape: true }),
    kase: reportTemplate('gradescope-case.hbs', helpers, { noEscape: true }),
  };
  const tests = view.parts.flatMap((p, i) => [partTest(p, i, text.part(p)), ...p.cases.map((c, j) => caseTest(p, c, `${i + 1}.${j + 1}`, text.kase(c)))]);
  return {
    score: results.score,
    execution_time: Math.round(results.timing.totalMs / 1000),
    output: [...about.student, text.summary(view)].join('\n'),
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    extra_data: { status: results.status, provenance: results.provenance, gradedAt: results.gradedAt, sandbox: results.sandbox, ...about.extra },
    tests: [...tests, ...staffTests(view, about.staff)],
  };
}

/** A part's score counts its hidden cases, so it waits for publication as they do. */
function partTest(p: PartView, i: number, output: string): GradescopeTest {
  const hasHidden = p.cases.some((c) => c.visibility === 'hidden');
  return {
    name: `${p.name} (${p.id})`,
    number: `${i + 1}`,
    score: p.score,
    max_score: p.maxScore,
    status: p.score === p.maxScore ? 'passed' : 'failed',
    output,
    output_format: 'text',
    tags: [p.id, 'part'],
    visibility: hasHidden ? 'after_published' : 'visible',
  };
}

function caseTest(p: PartView, c: CaseView, number: string, output: string): GradescopeTest {
  return {
    name: `${p.id}: ${c.label}`,
    number,
    ...(c.status === 'skipped' ? {} : { status: c.status === 'passed' ? ('passed' as const) : ('failed' as const) }),
    output,
    output_format: 'text',
    tags: [p.id, c.visibility, c.status],
    visibility: c.visibility === 'hidden' ? 'after_published' : 'visible',
  };
}

/** Why grading did not run, and the tracebacks: for the course staff only. */
function staffTests(view: ReportView, more: string[]): GradescopeTest[] {
  const notes = [...(view.error && view.error.audience === 'staff' ? [`${view.error.code}: ${view.error.message}`] : []), ...view.staff, ...more];
  if (!notes.length) return [];
  return [{ name: 'Notes for the course staff', number: `${view.parts.length + 1}`, output: notes.join('\n\n'), output_format: 'text', tags: ['staff'], visibility: 'hidden' }];
}

/** What submission_metadata.json adds: a line for the student, notes for staff, the submission's id for exports. */
function aboutSubmission(reading: MetadataReading | undefined, maxScore: number): { student: string[]; staff: string[]; extra: { [key: string]: unknown } } {
  if (!reading) return { student: [], staff: [], extra: {} };
  if ('problem' in reading) return { student: [], staff: [`submission_metadata.json was not used: ${reading.problem}`], extra: {} };
  const { student, staff } = metadataLines(reading.metadata, maxScore);
  return { student: [student], staff, extra: { submissionId: reading.metadata.id } };
}
