/** Item: the committed stub is what the generator makes from the reference, and it type-checks. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firstDifference } from '../../authoring/first-difference.ts';
import { makeStub } from '../../authoring/make-stub.ts';
import { shown } from '../../paths.ts';
import { fromProblems, type ReleaseItem } from '../release-item.ts';
import { callInWorker } from '../../worker-call.ts';

export const stubItem: ReleaseItem = {
  id: 'stub',
  proves: 'the committed stub is what `npm run stubs` makes, and it type-checks',
  spawns: false,
  async run({ a }) {
    const stubFile = path.join(a.dir, a.manifest.entry);
    const made = makeStub(a.manifest.entry, readFileSync(path.join(a.solutionDir, a.manifest.entry), 'utf8'));
    const drift = firstDifference(readFileSync(stubFile, 'utf8'), made, ['committed', 'generated']);
    return fromProblems([
      ...(drift ? [`${shown(stubFile)} is not what 'npm run stubs ${a.short}' makes from the reference (${drift})`] : []),
      ...(await callInWorker<string[]>('grader/release/typecheck-worker.ts', { file: stubFile })).map((e) => `does not type-check: ${e}`),
    ]);
  },
};
