/** Item: every part has public and hidden cases, and every hidden case a public sibling (design invariant 6). */
import { hiddenKindsWithoutSibling } from '../../authoring/case-kinds.ts';
import { loadGenerators } from '../../authoring/make-fixtures.ts';
import { fromProblems, type ReleaseItem } from '../release-item.ts';

export const casesItem: ReleaseItem = {
  id: 'cases',
  proves: 'every part has public and hidden cases; every kind of input a hidden case uses appears in a public case of its part',
  spawns: false,
  async run({ a }) {
    const missing = a.manifest.parts.flatMap((p) =>
      (['public', 'hidden'] as const).filter((v) => !p.cases.some((c) => c.visibility === v)).map((v) => `${p.id}: no ${v} case`),
    );
    const orphans = hiddenKindsWithoutSibling(a, await loadGenerators(a)).map((f) => `hidden case without a public sibling: ${f}`);
    return fromProblems([...missing, ...orphans]);
  },
};
