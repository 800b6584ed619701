import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { comparators } from '../judge/comparators/index.ts';
import { ASSIGNMENTS_DIR, FIXTURES_DIR, SOLUTIONS_DIR, shown } from '../paths.ts';
import { MANIFEST_VERSION, type Assignment, type Manifest } from './manifest.ts';
import { readJson, ValidationError } from './validate.ts';

/** An assignment name that matches no folder, or a manifest that is inconsistent. */
export class DefinitionError extends Error {
  readonly code = 'BAD_DEFINITION';
}

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
    throw new DefinitionError(`no assignment '${name}' (available: ${all.map((d) => `${d.split('-')[0]} (${d})`).join(', ') || 'none'})`);
  }
  const dir = path.join(ASSIGNMENTS_DIR, folder);
  const manifest = readManifest(path.join(dir, 'manifest.json'));
  if (manifest.id !== folder) {
    throw new DefinitionError(`${shown(path.join(dir, 'manifest.json'))}: /id: is '${manifest.id}' but the folder is '${folder}'`);
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
    throw new ValidationError(file, '/schemaVersion', `version ${m.schemaVersion} is not read by this grader (it reads ${MANIFEST_VERSION})`);
  }
  const partIds = new Set<string>();
  m.parts.forEach((part, p) => {
    if (partIds.has(part.id)) throw new ValidationError(file, `/parts/${p}/id`, `duplicate part '${part.id}'`);
    partIds.add(part.id);
    const caseIds = new Set<string>();
    part.cases.forEach((c, i) => {
      const at = `/parts/${p}/cases/${i}`;
      if (caseIds.has(c.id)) throw new ValidationError(file, `${at}/id`, `duplicate case '${c.id}' in part '${part.id}'`);
      caseIds.add(c.id);
      c.checks.forEach((check, k) => {
        if (check.tolerance !== undefined && !(check.tolerance in m.tolerances)) {
          throw new ValidationError(file, `${at}/checks/${k}/tolerance`, `unknown tolerance '${check.tolerance}' (defined: ${Object.keys(m.tolerances).join(', ')})`);
        }
        if (check.comparator !== 'property' && !comparators.has(check.comparator)) {
          throw new ValidationError(file, `${at}/checks/${k}/comparator`, `unknown comparator '${check.comparator}' (known: ${[...comparators.keys(), 'property'].join(', ')})`);
        }
        if (check.comparator === 'property' && !check.property) {
          throw new ValidationError(file, `${at}/checks/${k}`, "a 'property' check needs a 'property' name");
        }
      });
    });
  });
  (m.staticChecks ?? []).forEach((s, i) => {
    const unknown = s.functions.find((f) => !partIds.has(f));
    if (unknown) throw new ValidationError(file, `/staticChecks/${i}/functions`, `'${unknown}' is not a part`);
  });
  const total = m.parts.reduce((a, p) => a + p.points, 0);
  if (Math.abs(total - 100) > 1e-9) throw new ValidationError(file, '/parts', `points add up to ${total}, not 100`);
  return m;
}
