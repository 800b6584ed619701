import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateManifest, type ManifestV1 } from '../../grader/authoring/migrate-manifest.ts';
import { resolveManifest } from '../../grader/definition/load-assignment.ts';
import { validate } from '../../grader/definition/validate.ts';
import type { Manifest } from '../../grader/definition/manifest.ts';

const v1 = JSON.parse(readFileSync(path.join(import.meta.dirname, 'data/hw1-kmeans.manifest.v1.json'), 'utf8')) as ManifestV1;

/** Cases without where they were declared: the only thing a migration may change. */
const declared = (m: Manifest) => m.parts.map((p) => ({ ...p, cases: p.cases.map(({ at: _, ...c }) => c) }));

describe('migrating a version-1 manifest', () => {
  const { manifest, hidden } = migrateManifest(v1);

  it('writes files that validate as version 2', () => {
    expect(() => validate('manifest', manifest, 'manifest.json')).not.toThrow();
    expect(() => validate('hidden-cases', hidden, 'hidden-cases.json')).not.toThrow();
  });

  it('says exactly what version 1 said: same cases, checks, generators and params, hidden ones moved out', () => {
    const resolved = resolveManifest(manifest, 'manifest.json', { file: hidden, name: 'hidden-cases.json' });
    const original = v1.parts.map((p) => ({ id: p.id, name: p.name, points: p.points, cases: p.cases.map((c) => ({ ...c })) }));
    expect(declared(resolved)).toEqual(original);
    expect(JSON.stringify(manifest)).not.toContain('"hidden"');
    expect(Object.values(hidden.parts).flat().length).toBe(v1.parts.flatMap((p) => p.cases).filter((c) => c.visibility === 'hidden').length);
  });

  it('lifts what cases share into part defaults', () => {
    expect(JSON.stringify(manifest).length).toBeLessThan(JSON.stringify(v1).length / 2);
    expect(manifest.parts.every((p) => p.defaults?.generator && p.defaults.checks)).toBe(true);
  });
});
