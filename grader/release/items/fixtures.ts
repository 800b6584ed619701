/** Item: the fixtures regenerate byte-identical (timing fields aside). */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { JSONSchemaType } from 'ajv';
import { check, parseText } from '../../definition/validate.ts';
import { ROOT } from '../../paths.ts';
import { fromProblems, type ReleaseItem } from '../release-item.ts';

const run = promisify(execFile);

/** What the child prints: one line of JSON, the list of problems. */
const PROBLEMS: JSONSchemaType<string[]> = { type: 'array', items: { type: 'string' } };

/** The drift, from a process of its own (grader/release/fixture-drift-child.ts says why). */
async function driftInChild(root: string, name: string): Promise<string[]> {
  const child = path.join(ROOT, 'grader', 'release', 'fixture-drift-child.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, root, name], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  return check<string[]>(PROBLEMS, parseText(stdout.trim().split('\n').at(-1) ?? '', child, 'INTERNAL'), child, '', 'INTERNAL');
}

export const fixturesItem: ReleaseItem = {
  id: 'fixtures',
  proves: 'the fixtures regenerate byte-identical (the reference times aside)',
  spawns: true,
  async run({ a, layout, throttled }) {
    const drift = await throttled(() => driftInChild(layout.root, a.manifest.id));
    const fix = `regenerate with 'npm run fixtures ${a.short}' and commit, or find what changed the reference's outputs`;
    return fromProblems(drift.length ? [...drift, fix] : []);
  },
};
