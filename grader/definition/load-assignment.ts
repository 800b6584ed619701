import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { comparators } from '../judge/comparators/index.ts';
import { ASSIGNMENTS_DIR, FIXTURES_DIR, SOLUTIONS_DIR, shown } from '../paths.ts';
import { MANIFEST_VERSION, type Assignment, type Manifest } from './manifest.ts';
import { GraderError } from '../errors.ts';
import { dataError, readJson } from './validate.ts';

/** Names the user may type: `hw1` or the folder name `hw1-kmeans`. */
export function listAssignments(): string[] {
  if (!existsSync(ASSIGNMENTS_DIR)) return [];
  return readdirSync(ASSIGNMENTS_DIR).filter((d) => existsSync(path.join(ASSIGNMENTS_DIR, d, 'manifest.json'))).sort();
}

/** Finds, reads and validates an assignment's manifest. */
export function loadAssignment(name: string): Assignment {
  const all = listAssignments();
  const folder = all.find((d) => d === name || d.split('-')[0] === name);
  if (!folder) {
    throw new GraderError('USAGE', `no assignment '${name}' (available: ${all.map((d) => `${d.split('-')[0]} (${d})`).join(', ') || 'none'})`);
  }
  const dir = path.join(ASSIGNMENTS_DIR, folder);
  const manifest = readManifest(path.join(dir, 'manifest.json'));
  if (manifest.id !== folder) {
    throw new GraderError('BAD_DEFINITION', `${shown(path.join(dir, 'manifest.json'))}: /id: is '${manifest.id}' but the folder is '${folder}'`);
  }
  return {
    manifest,
    short: folder.split('-')[0],
    dir,
    solutionDir: path.join(SOLUTIONS_DIR, folder),
    fixturesDir: path.join(FIXTURES_DIR, folder),
  };
}

/** Reads a manifest and checks what the schema cannot: unique ids, known tolerances, 100 points. */
export function readManifest(file: string): Manifest {
  const raw = readJson<Manifest>('manifest', file);
  return checkConsistency(raw, shown(file));
}

function checkConsistency(m: Manifest, file: string): Manifest {
  if (m.schemaVersion !== MANIFEST_VERSION) {
    throw dataError(file, '/schemaVersion', `version ${m.schemaVersion} is not read by this grader (it reads ${MANIFEST_VERSION})`, 'BAD_DEFINITION');
  }
  const partIds = new Set<string>();
  m.parts.forEach((part, p) => {
    if (partIds.has(part.id)) throw dataError(file, `/parts/${p}/id`, `duplicate part '${part.id}'`, 'BAD_DEFINITION');
    partIds.add(part.id);
    const caseIds = new Set<string>();
    part.cases.forEach((c, i) => {
      const at = `/parts/${p}/cases/${i}`;
      if (caseIds.has(c.id)) throw dataError(file, `${at}/id`, `duplicate case '${c.id}' in part '${part.id}'`, 'BAD_DEFINITION');
      caseIds.add(c.id);
      c.checks.forEach((check, k) => {
        if (check.tolerance !== undefined && !(check.tolerance in m.tolerances)) {
          throw dataError(file, `${at}/checks/${k}/tolerance`, `unknown tolerance '${check.tolerance}' (defined: ${Object.keys(m.tolerances).join(', ')})`, 'BAD_DEFINITION');
        }
        if (check.comparator !== 'property' && !comparators.has(check.comparator)) {
          throw dataError(file, `${at}/checks/${k}/comparator`, `unknown comparator '${check.comparator}' (known: ${[...comparators.keys(), 'property'].join(', ')})`, 'BAD_DEFINITION');
        }
        if (check.comparator === 'property' && !check.property) {
          throw dataError(file, `${at}/checks/${k}`, "a 'property' check needs a 'property' name", 'BAD_DEFINITION');
        }
      });
    });
  });
  (m.staticChecks ?? []).forEach((s, i) => {
    const unknown = s.functions.find((f) => !partIds.has(f));
    if (unknown) throw dataError(file, `/staticChecks/${i}/functions`, `'${unknown}' is not a part`, 'BAD_DEFINITION');
  });
  const total = m.parts.reduce((a, p) => a + p.points, 0);
  if (Math.abs(total - 100) > 1e-9) throw dataError(file, '/parts', `points add up to ${total}, not 100`, 'BAD_DEFINITION');
  return m;
}
