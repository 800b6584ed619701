import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldNames } from '../../grader/authoring/scaffold.ts';
import { emptyCourse } from '../support/course-copy.ts';
import { script } from '../support/script.ts';

describe('npm run new', () => {
  it('names the folder and the entry file from the title', () => {
    expect(scaffoldNames('hw8', 'Normalizing flows')).toMatchObject({ folder: 'hw8-normalizing-flows', entry: 'normalizing_flows.ts', number: 8 });
    expect(scaffoldNames('hw12', 'GANs: the minimax game, revisited (again)')).toMatchObject({ folder: 'hw12-gans-the-minimax-game', entry: 'gans_the_minimax_game.ts' });
    expect(() => scaffoldNames('homework8', 'x')).toThrow(/the short name must be hw<number>/);
  });

  it('scaffolds an assignment that passes npm run check at once, and refuses to overwrite it', async () => {
    const course = emptyCourse();
    const made = await script('new', ['hw8', '--title', 'Normalizing flows', '--course', course.root]);
    expect(made.out).toContain('wrote 4 fixtures; next: npm run check hw8');
    expect(made.status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(course.assignments, 'hw8-normalizing-flows', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ id: 'hw8-normalizing-flows', title: 'Normalizing flows', entry: 'normalizing_flows.ts' });

    const checked = await script('check', ['hw8', '--course', course.root]);
    expect(checked.out).toMatch(/hw8-normalizing-flows\s+(✓\s+){8}\d+ s/);
    expect(checked.status).toBe(0);

    const again = await script('new', ['hw8', '--title', 'Something else', '--course', course.root]);
    expect(again.out).toMatch(/error: hw8 exists already \(.*assignments\/hw8-normalizing-flows\): choose another number, or remove it first/);
    expect(again.status).toBe(2);
  });
});
