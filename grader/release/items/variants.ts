/** Item: each listed bug loses exactly its parts, each alternative scores 100 (the lists the tests use). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyVariant, loadVariants, type Variant } from '../../definition/variants.ts';
import type { Results } from '../../results/results.ts';
import { fromProblems, type ReleaseContext, type ReleaseItem } from '../release-item.ts';
import { failedCases, lostParts } from './graded-failures.ts';

/** Grades the reference with the variant's edits, written alone in a folder as a TA's submission would be. */
async function gradeVariant(ctx: ReleaseContext, reference: string, v: Variant): Promise<Results> {
  const dir = path.join(ctx.scratch, 'variants', v.name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, ctx.a.manifest.entry);
  writeFileSync(file, applyVariant(reference, v));
  return ctx.grade(file, 'wasm');
}

const list = (parts: string[]) => (parts.length ? parts.join(', ') : 'nothing');

export const variantsItem: ReleaseItem = {
  id: 'variants',
  proves: 'each bug listed loses exactly its parts; each alternative scores 100',
  spawns: true,
  async run(ctx) {
    const { bugs, alternatives } = await loadVariants(ctx.a);
    const reference = readFileSync(path.join(ctx.a.solutionDir, ctx.a.manifest.entry), 'utf8');
    const problems = await Promise.all([
      ...bugs.map(async (b) => {
        const r = await gradeVariant(ctx, reference, b);
        const [lost, want] = [lostParts(r), [...b.loses].sort()];
        if (r.status === 'graded' && lost.join() === want.join()) return [];
        return [`bug '${b.name}' loses ${list(lost)}, not ${list(want)}${r.status === 'error' ? ` (${failedCases(r)[0]})` : ''}`];
      }),
      ...alternatives.map(async (v) => {
        const r = await gradeVariant(ctx, reference, v);
        return r.status === 'graded' && r.score === r.maxScore ? [] : [`alternative '${v.name}' scores ${r.score}, not 100: ${failedCases(r).slice(0, 3).join('; ')}`];
      }),
    ]);
    return fromProblems(problems.flat());
  },
};
