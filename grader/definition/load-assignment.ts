import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { comparators } from '../judge/comparators/index.ts';
import { shown } from '../paths.ts';
import { staticRules } from '../static/rules.ts';
import { courseLayout, type CourseLayout } from './course-layout.ts';
import { MANIFEST_VERSION, type Assignment, type CaseDecl, type CaseSpec, type HiddenCasesFile, type Manifest, type ManifestFile, type PartDecl, type Where } from './manifest.ts';
import { check, dataError, parseText, validate } from './validate.ts';

/** The file, relative to solutions/<hw>/, that declares an assignment's hidden cases. */
export const HIDDEN_CASES_FILE = 'hidden-cases.json';

/** Names the user may type: `hw1` or the folder name `hw1-kmeans`. */
export function listAssignments(layout: CourseLayout = courseLayout()): string[] {
  if (!existsSync(layout.assignments)) return [];
  return readdirSync(layout.assignments)
    .filter((d) => existsSync(path.join(layout.assignments, d, 'manifest.json')))
    .sort();
}

/** Finds, reads and validates an assignment: its manifest and, where this copy has them, its hidden cases. */
export function loadAssignment(name: string, layout: CourseLayout = courseLayout()): Assignment {
  const all = listAssignments(layout);
  const folder = all.find((d) => d === name || d.split('-')[0] === name);
  if (!folder) {
    throw new GraderError('USAGE', `no assignment '${name}' (available: ${all.map((d) => `${d.split('-')[0]} (${d})`).join(', ') || 'none'})`);
  }
  const dir = path.join(layout.assignments, folder);
  const solutionDir = path.join(layout.solutions, folder);
  const manifestFile = path.join(dir, 'manifest.json');
  const file = readManifestFile(manifestFile);
  if (file.id !== folder) throw dataError(shown(manifestFile), '/id', `is '${file.id}' but the folder is '${folder}'`, 'BAD_DEFINITION');
  const hiddenFile = path.join(solutionDir, HIDDEN_CASES_FILE);
  const hidden = existsSync(hiddenFile) ? readHiddenCases(hiddenFile, file) : undefined;
  const manifest = resolveManifest(file, shown(manifestFile), hidden && { file: hidden, name: shown(hiddenFile) });
  return { manifest, short: folder.split('-')[0], dir, solutionDir, fixturesDir: path.join(layout.fixtures, folder), hiddenDeclared: hidden !== undefined };
}

/** Reads a manifest file; an older version is refused with how to upgrade it. */
export function readManifestFile(file: string): ManifestFile {
  const data = parseText(readFileSync(file, 'utf8'), shown(file), 'BAD_DEFINITION');
  refuseOtherVersion(data, shown(file));
  return validate('manifest', data, shown(file));
}

function readHiddenCases(file: string, manifest: ManifestFile): HiddenCasesFile {
  const data = parseText(readFileSync(file, 'utf8'), shown(file), 'BAD_DEFINITION');
  refuseOtherVersion(data, shown(file));
  const hidden = validate('hidden-cases', data, shown(file));
  if (hidden.assignment !== manifest.id) throw dataError(shown(file), '/assignment', `is '${hidden.assignment}', not '${manifest.id}'`, 'BAD_DEFINITION');
  return hidden;
}

/** A manifest file resolved on its own, without hidden cases (what a student's copy reads). */
export function readManifest(file: string): Manifest {
  return resolveManifest(readManifestFile(file), shown(file));
}

function refuseOtherVersion(data: unknown, file: string): void {
  const { schemaVersion: version, id, assignment } = (data ?? {}) as { schemaVersion?: unknown; id?: unknown; assignment?: unknown };
  if (version === MANIFEST_VERSION) return;
  const hw = String(id ?? assignment ?? '<hw>').split('-')[0];
  const upgrade = version === 1 ? `: upgrade it with 'npm run migrate-manifest ${hw}'` : '';
  throw dataError(file, '/schemaVersion', `version ${String(version)} is not read by this grader (it reads ${MANIFEST_VERSION})${upgrade}`, 'BAD_DEFINITION');
}

/**
 * Applies part defaults, merges the hidden cases, and resolves every name the
 * grader owns (comparators and their options, tolerances, static rules), so
 * that a typo is an error naming the file and JSON path before anything runs.
 */
export function resolveManifest(file: ManifestFile, name: string, hidden?: { file: HiddenCasesFile; name: string }): Manifest {
  const partIds = new Set<string>();
  const parts = file.parts.map((part, p) => {
    if (partIds.has(part.id)) throw dataError(name, `/parts/${p}/id`, `duplicate part '${part.id}'`, 'BAD_DEFINITION');
    partIds.add(part.id);
    const defaultsAt = { file: name, pointer: `/parts/${p}/defaults` };
    const publicCases = part.cases.map((c, i) => resolveCase(file, part, c, 'public', { file: name, pointer: `/parts/${p}/cases/${i}` }, defaultsAt));
    const hiddenCases = (hidden?.file.parts[part.id] ?? []).map((c, i) => resolveCase(file, part, c, 'hidden', { file: hidden!.name, pointer: `/parts/${part.id}/${i}` }, defaultsAt));
    const cases = [...publicCases, ...hiddenCases];
    const dup = cases.find((c, i) => cases.findIndex((o) => o.id === c.id) !== i);
    if (dup) throw dataError(name, `/parts/${p}`, `duplicate case '${dup.id}' in part '${part.id}' (public and hidden cases share one namespace)`, 'BAD_DEFINITION');
    return { id: part.id, name: part.name, points: part.points, cases };
  });
  if (hidden) {
    const stray = Object.keys(hidden.file.parts).find((id) => !partIds.has(id));
    if (stray) throw dataError(hidden.name, `/parts/${stray}`, `'${stray}' is not a part of ${file.id}`, 'BAD_DEFINITION');
  }
  (file.staticChecks ?? []).forEach((s, i) => {
    if (!staticRules.has(s.rule)) throw dataError(name, `/staticChecks/${i}/rule`, `unknown rule '${s.rule}' (known: ${[...staticRules.keys()].join(', ')})`, 'BAD_DEFINITION');
    const unknown = s.functions.find((f) => !partIds.has(f));
    if (unknown) throw dataError(name, `/staticChecks/${i}/functions`, `'${unknown}' is not a part`, 'BAD_DEFINITION');
  });
  const total = file.parts.reduce((a, p) => a + p.points, 0);
  if (Math.abs(total - 100) > 1e-9) throw dataError(name, '/parts', `points add up to ${total}, not 100`, 'BAD_DEFINITION');
  const { $schema: _, parts: __, ...rest } = file;
  return { ...rest, parts };
}

function resolveCase(m: ManifestFile, part: PartDecl, c: CaseDecl, visibility: CaseSpec['visibility'], at: Where, defaultsAt: Where): CaseSpec {
  const d = part.defaults ?? {};
  const generator = c.generator ?? d.generator;
  const checks = c.checks ?? d.checks;
  if (!generator) throw dataError(at.file, at.pointer, `no generator: give one in the case or in the part's defaults`, 'BAD_DEFINITION');
  if (!checks) throw dataError(at.file, at.pointer, `no checks: give them in the case or in the part's defaults`, 'BAD_DEFINITION');
  const from = c.checks ? at : defaultsAt;
  checks.forEach((k, i) => resolveCheck(m, k, { file: from.file, pointer: `${from.pointer}/checks/${i}` }));
  const diagnosis = c.diagnosis ?? d.diagnosis;
  return {
    id: c.id,
    visibility,
    ...(c.title === undefined ? {} : { title: c.title }),
    seed: c.seed,
    generator,
    params: c.params ?? {},
    checks,
    ...(diagnosis === undefined ? {} : { diagnosis }),
    ...(c.timeLimitMs === undefined ? {} : { timeLimitMs: c.timeLimitMs }),
    ...(c.weight === undefined ? {} : { weight: c.weight }),
    at: { case: at, checks: from },
  };
}

function resolveCheck(m: ManifestFile, k: CaseSpec['checks'][number], at: Where): void {
  if (k.tolerance !== undefined && !(k.tolerance in m.tolerances)) {
    throw dataError(at.file, `${at.pointer}/tolerance`, `unknown tolerance '${k.tolerance}' (defined: ${Object.keys(m.tolerances).join(', ') || 'none'})`, 'BAD_DEFINITION');
  }
  if (k.comparator === 'property') {
    if (!k.property) throw dataError(at.file, at.pointer, "a 'property' check needs a 'property' name", 'BAD_DEFINITION');
    return; // properties are staff code: resolved with the staff tables (grader/judge/staff-judges.ts)
  }
  const comparator = comparators.get(k.comparator);
  if (!comparator) {
    throw dataError(at.file, `${at.pointer}/comparator`, `unknown comparator '${k.comparator}' (known: ${[...comparators.keys(), 'property'].join(', ')})`, 'BAD_DEFINITION');
  }
  check(comparator.options, k.options ?? {}, at.file, `${at.pointer}/options`, 'BAD_DEFINITION');
}
