import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDrift, fixtureFiles } from '../../grader/authoring/fixture-drift.ts';
import { makeFixtures } from '../../grader/authoring/make-fixtures.ts';
import { listAssignments, loadAssignment } from '../../grader/definition/load-assignment.ts';
import { syntheticAssignment } from '../support/synthetic.ts';
import { loadFixtures } from '../../grader/fixtures/load-fixtures.ts';

const hw1 = loadAssignment('hw1');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tfgrade-fixtures-'));

describe('fixtures', () => {
  it('finds every assignment of the course', () => {
    expect(listAssignments().length).toBeGreaterThanOrEqual(3);
  });

  it.each(listAssignments())('%s regenerates byte-identical to the committed fixtures (timing fields aside)', async (name) => {
    expect(await fixtureDrift(loadAssignment(name))).toEqual([]);
  });

  it('a changed fixture is a drift naming the file and the first differing line', async () => {
    const dir = tmp();
    cpSync(hw1.fixturesDir, dir, { recursive: true });
    const file = path.join(dir, 'public', 'kmeans.blobs.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"attempt": 0', '"attempt": 3'));
    expect(await fixtureDrift({ ...hw1, fixturesDir: dir })).toEqual([expect.stringMatching(/^public\/kmeans\.blobs\.json: differs from a regeneration at line \d+: committed `"attempt": 3,`, regenerated `"attempt": 0,`$/)]);
  });

  it('regeneration removes fixtures of cases that no longer exist', async () => {
    const dir = tmp();
    cpSync(hw1.fixturesDir, dir, { recursive: true });
    writeFileSync(path.join(dir, 'public', 'kmeans.removed-case.json'), '{}');
    await makeFixtures({ ...hw1, fixturesDir: dir });
    expect(fixtureFiles(dir)).toEqual(fixtureFiles(hw1.fixturesDir));
  });

  describe('knife edges', () => {
    /** A one-function assignment whose generator refuses draws below `threshold`. */
    const edgy = (threshold: number) =>
      syntheticAssignment({
        generators: `{ edgy: { params: { type: 'object' }, generate(p, ctx) { const u = ctx.random(); if (u < ${threshold}) ctx.reject('u = ' + u); return { args: [u] }; } } }`,
        cases: [{ id: 'c', seed: 7, generator: 'edgy', checks: [{ comparator: 'scalar' }] }],
      });

    it('a refused draw is retried with the next derived seed, and the refusals are recorded', async () => {
      const a = edgy(0.9);
      await makeFixtures(a);
      const { fixture } = loadFixtures(a).cases[0];
      expect(fixture.attempt).toBeGreaterThan(0);
      expect(fixture.rejected).toHaveLength(fixture.attempt);
      expect(fixture.rejected[0]).toMatch(/^attempt 0: u = 0\.\d+/);
    });

    it('a generator that never finds a safe draw is an error naming the case', async () => {
      await expect(makeFixtures(edgy(2))).rejects.toThrow(/hw0-synthetic: id\/c: every one of 50 draws was a knife edge/);
    });
  });

  describe('a malformed fixture is rejected with the file and the JSON path', () => {
    const corrupt = (file: string, change: (j: Record<string, unknown>) => void) => {
      const dir = tmp();
      cpSync(hw1.fixturesDir, dir, { recursive: true });
      const p = path.join(dir, file);
      const json = JSON.parse(readFileSync(p, 'utf8'));
      change(json);
      writeFileSync(p, JSON.stringify(json));
      return () => loadFixtures({ ...hw1, fixturesDir: dir });
    };
    const file = 'public/kmeans.blobs.json';

    it('a tensor with a bad dtype', () => {
      const load = corrupt(file, (j) => ((j.args as { dtype: string }[])[0].dtype = 'float64'));
      expect(load).toThrow(/kmeans\.blobs\.json: \/args\/0\/dtype: must be equal to one of the allowed values \(one of float32, int32, bool\)/);
    });

    it('a missing field', () => {
      const load = corrupt(file, (j) => delete j.expected);
      expect(load).toThrow(/kmeans\.blobs\.json: \(top level\): must have required property 'expected'/);
    });

    it('a fixture out of date with the manifest', () => {
      const load = corrupt(file, (j) => ((j.spec as { seed: number }).seed = 1));
      expect(load).toThrow(/kmeans\.blobs\.json: \/spec: out of date with the manifest .*npm run fixtures hw1/);
    });

    it('a missing fixture', () => {
      const dir = tmp();
      cpSync(hw1.fixturesDir, dir, { recursive: true });
      rmSync(path.join(dir, file));
      expect(() => loadFixtures({ ...hw1, fixturesDir: dir })).toThrow(/kmeans\.blobs\.json: \(top level\): missing: run 'npm run fixtures hw1'/);
    });

    it('not JSON at all', () => {
      const dir = tmp();
      cpSync(hw1.fixturesDir, dir, { recursive: true });
      writeFileSync(path.join(dir, file), '{"schemaVersion": 1,');
      expect(() => loadFixtures({ ...hw1, fixturesDir: dir })).toThrow(/kmeans\.blobs\.json: \(top level\): not valid JSON/);
    });
  });

  it('a handout without hidden fixtures grades public cases only', () => {
    const dir = tmp();
    cpSync(path.join(hw1.fixturesDir, 'public'), path.join(dir, 'public'), { recursive: true });
    const loaded = loadFixtures({ ...hw1, fixturesDir: dir });
    expect(loaded.hiddenAvailable).toBe(false);
    const publicCases = hw1.manifest.parts.flatMap((p) => p.cases).filter((c) => c.visibility === 'public');
    expect(publicCases.length).toBeGreaterThan(0);
    expect(loaded.cases.map((c) => c.spec)).toEqual(publicCases);
  });
});
