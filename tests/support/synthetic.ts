import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Assignment, CaseSpec, Manifest } from '../../grader/definition/manifest.ts';

/**
 * A one-function assignment (`id(x) = x`) in a temp folder, with the given
 * generators and properties source, for testing the pipeline's own rules.
 */
export function syntheticAssignment(opts: { generators: string; properties?: string; cases: Omit<CaseSpec, 'visibility' | 'params'>[] }): Assignment {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-synthetic-'));
  writeFileSync(path.join(dir, 'id.ts'), 'export function id(x: number) { return x; }\n');
  writeFileSync(path.join(dir, 'cases.ts'), `export const generators = ${opts.generators};\n`);
  if (opts.properties) writeFileSync(path.join(dir, 'properties.ts'), opts.properties);
  const cases: CaseSpec[] = opts.cases.map((c) => ({ visibility: 'public', params: {}, ...c }));
  const manifest: Manifest = { schemaVersion: 2, id: 'hw0-synthetic', title: 'synthetic', entry: 'id.ts', timeLimitMs: 5000, tolerances: {}, parts: [{ id: 'id', name: 'id', points: 100, cases }] };
  return { manifest, short: 'hw0', dir, solutionDir: dir, fixturesDir: path.join(dir, 'fixtures'), hiddenDeclared: true };
}
