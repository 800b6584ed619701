import { describe, expect, it } from 'vitest';
import { limitFromReference, LIMIT_FLOOR_MS, recordedReferenceMs, shortLimit } from '../../grader/run/time-limits.ts';
import { gradeFile, writeVariant } from '../support/grade.ts';
import { loadFixtures } from '../../grader/fixtures/load-fixtures.ts';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';

describe('time limits from the reference', () => {
  it('are recorded in every fixture: the reference time times a factor, with a floor, under the manifest limit', () => {
    for (const name of ['hw1', 'hw2', 'hw3']) {
      const a = loadAssignment(name);
      for (const c of loadFixtures(a).cases) {
        expect(c.fixture.timeLimitMs, c.key).toBe(limitFromReference(c.fixture.referenceMs!, c.spec.timeLimitMs ?? a.manifest.timeLimitMs));
      }
    }
    expect(limitFromReference(3, 20_000)).toBe(LIMIT_FLOOR_MS);
    expect(limitFromReference(4096, 20_000)).toBe(20_000);
  });

  it('keep a recorded reference time unless a new measurement is over 8x slower (byte-stable fixtures on a busy machine)', () => {
    expect(recordedReferenceMs(3)).toBe(64);
    expect(recordedReferenceMs(100)).toBe(128);
    expect(recordedReferenceMs(100, 512)).toBe(512);
    expect(recordedReferenceMs(2, 512)).toBe(512);
    expect(recordedReferenceMs(4000, 512)).toBe(512);
    expect(recordedReferenceMs(600, 64)).toBe(1024);
  });

  it('give the other cases of a function that timed out a short limit', () => {
    expect(shortLimit(4, 4000)).toBe(500);
    expect(shortLimit(512, 4000)).toBe(1536);
    expect(shortLimit(64, 3000)).toBe(500);
  });

  it('make a hung function cost seconds, not minutes: one full limit, one short one, then none', async () => {
    const hang = writeVariant('hw1', { name: 'kmeans-hangs', edits: [{ find: 'export async function kmeans(', replace: 'export async function kmeans0(' }] });
    const { appendFileSync } = await import('node:fs');
    appendFileSync(hang, '\nexport function kmeans(): never {\n  for (;;);\n}\n');
    const start = performance.now();
    const r = await gradeFile('hw1', hang);
    const seconds = (performance.now() - start) / 1000;
    const kmeans = r.parts.find((p) => p.id === 'kmeans')!;
    expect(kmeans.cases.every((c) => c.status === 'timeout')).toBe(true);
    expect(kmeans.cases[1].message).toContain('a short limit because the case before it timed out');
    expect(kmeans.cases.slice(2).every((c) => c.message.startsWith('not run: this function timed out on the two cases before it'))).toBe(true);
    expect(r.parts.filter((p) => p.id !== 'kmeans').every((p) => p.score === p.maxScore)).toBe(true);
    // Before: ten cases at the manifest's 10 s each, a process restart after each (107 s).
    expect(seconds).toBeLessThan(30);
    console.log(`hw1 with a hung kmeans: ${seconds.toFixed(1)} s for ${kmeans.cases.length} kmeans cases`);
  });
});
