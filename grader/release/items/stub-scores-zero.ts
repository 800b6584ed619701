/** Item: the stub scores 0, every case "not implemented", without an error of the grader's own. */
import path from 'node:path';
import { fromProblems, type ReleaseItem } from '../release-item.ts';

export const stubScoresZeroItem: ReleaseItem = {
  id: 'stub-0',
  proves: 'the stub scores 0, every case "not implemented", with no grader error',
  spawns: true,
  async run({ a, grade }) {
    const r = await grade(path.join(a.dir, a.manifest.entry), 'wasm');
    if (r.status === 'error') return fromProblems([`not graded: ${r.error?.code}: ${r.error?.message}`]);
    const odd = r.parts.flatMap((p) =>
      p.cases.filter((c) => c.status !== 'not-implemented' || !c.message.includes(`Not implemented: ${p.id}`)).map((c) => `${p.id}/${c.id}: ${c.status}, not 'not implemented': ${c.message.split('\n')[0]}`),
    );
    return fromProblems([...(r.score === 0 ? [] : [`scores ${r.score}, not 0`]), ...odd]);
  },
};
