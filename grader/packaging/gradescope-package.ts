/**
 * `npm run package <hw> -- --gradescope`: Gradescope's autograder zip. Gradescope
 * unpacks it in /autograder/source, runs `setup.sh` once to build the image,
 * then `run_autograder` once per submission, each in its own container. This
 * package is staff-only: unlike the student's copy it carries the assignment's
 * solutions/ folder (properties and diagnoses import the reference) and hidden
 * fixtures.
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Assignment } from '../definition/manifest.ts';
import { ROOT, TEMPLATES_DIR } from '../paths.ts';
import { zipFolder } from './zip.ts';

/** The grader's own files, copied whole from the project root (as in the student's copy). */
const GRADER_FILES = ['grader', 'harness', 'templates', 'scripts/precompiled.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Tests of the grader's own code are not needed to grade. */
const notATest = (file: string): boolean => !/\.test\.ts$/.test(file);

/** The scripts Gradescope runs, rendered for one assignment. Not HTML: nothing is escaped. */
function renderScript(name: string, a: Assignment): string {
  const source = readFileSync(path.join(TEMPLATES_DIR, 'gradescope', `${name}.hbs`), 'utf8');
  return Handlebars.compile(source, { noEscape: true, strict: true })({ short: a.short, id: a.manifest.id, entry: a.manifest.entry });
}

/** Lays out the autograder's files in `dest` (what becomes /autograder/source). */
export function buildGradescopeSource(a: Assignment, dest: string, root = ROOT): void {
  for (const entry of GRADER_FILES) {
    const from = path.join(root, entry);
    if (existsSync(from)) cpSync(from, path.join(dest, entry), { recursive: true, filter: notATest });
  }
  // Only this assignment: a container grades one, and other assignments' hidden material stays out of it.
  const folder = a.manifest.id;
  cpSync(a.dir, path.join(dest, 'assignments', folder), { recursive: true });
  cpSync(a.solutionDir, path.join(dest, 'solutions', folder), { recursive: true });
  for (const kind of ['public', 'hidden']) {
    const from = path.join(a.fixturesDir, kind);
    if (existsSync(from)) cpSync(from, path.join(dest, 'fixtures', folder, kind), { recursive: true });
  }
  for (const script of ['setup.sh', 'run_autograder']) {
    const file = path.join(dest, script);
    writeFileSync(file, renderScript(script, a));
    chmodSync(file, 0o755);
  }
}

/** Writes `<outDir>/<hw>-gradescope.zip`; returns its path. */
export async function packageGradescope(a: Assignment, outDir: string, root = ROOT): Promise<string> {
  const stage = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-gradescope-'));
  try {
    buildGradescopeSource(a, stage, root);
    const zipFile = path.join(outDir, `${a.manifest.id}-gradescope.zip`);
    await zipFolder(stage, zipFile);
    return zipFile;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
