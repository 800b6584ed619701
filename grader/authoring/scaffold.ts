/**
 * `npm run new hw8 -- --title "..."`: a new assignment from the templates in
 * templates/assignment/, gradable from its first minute: manifest, handout,
 * reference solution with one example part, generators, properties and
 * diagnoses, hidden cases and variants, then its stub and fixtures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { CourseLayout } from '../definition/course-layout.ts';
import { listAssignments, loadAssignment } from '../definition/load-assignment.ts';
import { GraderError } from '../errors.ts';
import { shown, TEMPLATES_DIR } from '../paths.ts';
import { makeFixtures } from './make-fixtures.ts';
import { makeStub } from './make-stub.ts';

export interface ScaffoldRequest {
  /** The short name, `hw8`. */
  short: string;
  title: string;
  layout: CourseLayout;
}

/** What the templates are given. */
interface ScaffoldNames {
  short: string;
  title: string;
  /** `hw8-normalizing-flows`. */
  folder: string;
  /** `normalizing_flows.ts`, after the existing `pca_ae.ts`, `stacked_ae.ts`. */
  entry: string;
  number: number;
}

/** Each template and where its rendering goes in the course. */
const FILES: readonly { template: string; to: (l: CourseLayout, n: ScaffoldNames) => string }[] = [
  { template: 'manifest.json.hbs', to: (l, n) => path.join(l.assignments, n.folder, 'manifest.json') },
  { template: 'README.md.hbs', to: (l, n) => path.join(l.assignments, n.folder, 'README.md') },
  { template: 'solution.ts.hbs', to: (l, n) => path.join(l.solutions, n.folder, n.entry) },
  { template: 'cases.ts.hbs', to: (l, n) => path.join(l.solutions, n.folder, 'cases.ts') },
  { template: 'properties.ts.hbs', to: (l, n) => path.join(l.solutions, n.folder, 'properties.ts') },
  { template: 'hidden-cases.json.hbs', to: (l, n) => path.join(l.solutions, n.folder, 'hidden-cases.json') },
  { template: 'variants.ts.hbs', to: (l, n) => path.join(l.solutions, n.folder, 'variants.ts') },
];

/** The folder name's words: the title's first few, lower case. */
const SLUG_WORDS = 4;

/** The names a new assignment gets from its short name and title. */
export function scaffoldNames(short: string, title: string): ScaffoldNames {
  const m = /^hw(\d+)$/.exec(short);
  if (!m) throw new GraderError('USAGE', `the short name must be hw<number>, e.g. hw8 (got '${short}')`);
  const words = title.toLowerCase().match(/[a-z0-9]+/g)?.slice(0, SLUG_WORDS) ?? [];
  if (!words.length) throw new GraderError('USAGE', `the title '${title}' has no letters or digits to name the folder with`);
  return { short, title, folder: `${short}-${words.join('-')}`, entry: `${words.join('_')}.ts`, number: Number(m[1]) };
}

/** Renders every template for these names: paths and texts, nothing written. */
export function renderScaffold(layout: CourseLayout, names: ScaffoldNames): { file: string; text: string }[] {
  const hb = Handlebars.create();
  // Seeds per assignment: hw8's public cases 8101, 8102..., hidden 8201...: no two assignments share one.
  hb.registerHelper('seed', (i: number) => names.number * 1000 + 100 + i);
  hb.registerHelper('hiddenSeed', (i: number) => names.number * 1000 + 200 + i);
  return FILES.map(({ template, to }) => {
    const source = readFileSync(path.join(TEMPLATES_DIR, 'assignment', template), 'utf8');
    // Not HTML: nothing is escaped. The title goes into JSON and TypeScript comments, so it is refused below if it could break them.
    return { file: to(layout, names), text: hb.compile(source, { noEscape: true, strict: true })(names) };
  });
}

/** Writes the new assignment, its stub and its fixtures; returns the files written. Refuses to touch an existing one. */
export async function scaffoldAssignment(req: ScaffoldRequest): Promise<{ files: string[]; fixtures: string[] }> {
  const names = scaffoldNames(req.short, req.title);
  if (/["\\*/\n]/.test(req.title)) throw new GraderError('USAGE', `the title may not hold quotes, backslashes, '*', '/' or line breaks: it goes into JSON and comments`);
  refuseExisting(req.layout, names);
  const files = renderScaffold(req.layout, names);
  for (const { file, text } of files) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const a = loadAssignment(names.short, req.layout);
  const stub = path.join(a.dir, a.manifest.entry);
  writeFileSync(stub, makeStub(a.manifest.entry, readFileSync(path.join(a.solutionDir, a.manifest.entry), 'utf8')));
  return { files: [...files.map((f) => f.file), stub], fixtures: await makeFixtures(a) };
}

function refuseExisting(layout: CourseLayout, names: ScaffoldNames): void {
  const taken = listAssignments(layout).find((d) => d.split('-')[0] === names.short);
  if (taken) throw new GraderError('USAGE', `${names.short} exists already (${shown(path.join(layout.assignments, taken))}): choose another number, or remove it first`);
  const present = [layout.assignments, layout.solutions, layout.fixtures].map((d) => path.join(d, names.folder)).find((d) => existsSync(d));
  if (present) throw new GraderError('USAGE', `${shown(present)} exists already: remove it first, or choose another title`);
}
