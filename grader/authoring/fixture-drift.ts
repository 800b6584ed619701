/** Whether committed fixtures are what regenerating them gives: the rule `npm run check` and the fixture tests share. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Assignment } from '../definition/manifest.ts';
import { firstDifference } from './first-difference.ts';
import { makeFixtures } from './make-fixtures.ts';

/**
 * A fixture's text less its timing fields: the reference's time is a
 * measurement (a loaded machine replaces a record it is far from), everything
 * else must be the same bytes.
 */
export const withoutTiming = (text: string): string => text.replace(/,\n "referenceMs": \d+,\n "timeLimitMs": \d+/, '');

/** The fixture files under a fixtures folder, as `public/<file>` and `hidden/<file>`, sorted. */
export function fixtureFiles(dir: string): string[] {
  return ['public', 'hidden'].flatMap((v) => (existsSync(path.join(dir, v)) ? readdirSync(path.join(dir, v)).map((f) => `${v}/${f}`) : [])).sort();
}

/**
 * Regenerates the assignment's fixtures in a temp folder (over a copy of the
 * committed ones, as `npm run fixtures` does, so a reference time keeps its
 * record) and lists each way they differ from the committed fixtures.
 */
export async function fixtureDrift(a: Assignment): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-fixture-drift-'));
  try {
    if (existsSync(a.fixturesDir)) cpSync(a.fixturesDir, dir, { recursive: true });
    await makeFixtures({ ...a, fixturesDir: dir });
    return compareFixtureDirs(a.fixturesDir, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each difference between committed and regenerated fixtures: a missing or extra file, no recorded time, the first differing line. */
function compareFixtureDirs(committedDir: string, madeDir: string): string[] {
  const [committed, made] = [fixtureFiles(committedDir), fixtureFiles(madeDir)];
  const problems = [
    ...made.filter((f) => !committed.includes(f)).map((f) => `${f}: not committed (regenerating makes it)`),
    ...committed.filter((f) => !made.includes(f)).map((f) => `${f}: committed, but no case makes it any more`),
  ];
  for (const f of committed.filter((x) => made.includes(x))) {
    const [was, now] = [readFileSync(path.join(committedDir, f), 'utf8'), readFileSync(path.join(madeDir, f), 'utf8')];
    if (!(Number(JSON.parse(was).referenceMs) > 0)) problems.push(`${f}: records no reference time`);
    const difference = firstDifference(withoutTiming(was), withoutTiming(now));
    if (difference) problems.push(`${f}: differs from a regeneration at ${difference}`);
  }
  return problems;
}
