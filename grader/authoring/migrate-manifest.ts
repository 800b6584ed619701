/** Upgrades a version-1 manifest to version 2: shared checks lifted into part defaults, hidden cases moved out. */
import type { JsonValue } from '../definition/generator.ts';
import { MANIFEST_VERSION, type CaseDecl, type CaseDefaults, type CheckSpec, type HiddenCasesFile, type ManifestFile, type PartDecl } from '../definition/manifest.ts';

/** A version-1 case: every field spelt out, public and hidden cases side by side. */
interface CaseV1 extends CaseDecl {
  visibility: 'public' | 'hidden';
  generator: string;
  params: { [key: string]: JsonValue };
  checks: CheckSpec[];
}

export interface ManifestV1 extends Omit<ManifestFile, 'parts'> {
  parts: (Omit<PartDecl, 'cases' | 'defaults'> & { cases: CaseV1[] })[];
}

/** The version-2 manifest and hidden-cases file that say exactly what the version-1 manifest said. */
export function migrateManifest(v1: ManifestV1): { manifest: ManifestFile; hidden: HiddenCasesFile } {
  const hidden: HiddenCasesFile = { $schema: '../../grader/schemas/hidden-cases.schema.json', schemaVersion: MANIFEST_VERSION, assignment: v1.id, parts: {} };
  const parts = v1.parts.map((part) => {
    const defaults = defaultsOf(part.cases);
    const decl = (c: CaseV1) => caseDecl(c, defaults);
    const hiddenCases = part.cases.filter((c) => c.visibility === 'hidden').map(decl);
    if (hiddenCases.length) hidden.parts[part.id] = hiddenCases;
    return { id: part.id, name: part.name, points: part.points, defaults, cases: part.cases.filter((c) => c.visibility === 'public').map(decl) };
  });
  return { manifest: { ...v1, $schema: '../../grader/schemas/manifest.schema.json', schemaVersion: MANIFEST_VERSION, parts }, hidden };
}

/** The generator and checks most cases use, and the diagnosis when every case names the same one (a case cannot unset it). */
function defaultsOf(cases: CaseV1[]): CaseDefaults {
  const diagnoses = new Set(cases.map((c) => c.diagnosis));
  const [diagnosis] = diagnoses;
  return {
    generator: mostCommon(cases.map((c) => c.generator)),
    checks: mostCommon(cases.map((c) => c.checks)),
    ...(diagnoses.size === 1 && diagnosis !== undefined ? { diagnosis } : {}),
  };
}

function mostCommon<T>(values: T[]): T {
  const counts = new Map<string, { value: T; n: number }>();
  for (const value of values) {
    const key = JSON.stringify(value);
    counts.set(key, { value, n: (counts.get(key)?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0].value;
}

/** A case with only what differs from its part's defaults. */
function caseDecl(c: CaseV1, d: CaseDefaults): CaseDecl {
  const { visibility: _, generator, params, checks, diagnosis, ...rest } = c;
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  return {
    ...rest,
    ...(Object.keys(params).length ? { params } : {}),
    ...(generator !== d.generator ? { generator } : {}),
    ...(differs(checks, d.checks) ? { checks } : {}),
    ...(diagnosis !== undefined && diagnosis !== d.diagnosis ? { diagnosis } : {}),
  };
}
