/** Item: the fixtures regenerate byte-identical (timing fields aside). */
import { fixtureDrift } from '../../authoring/fixture-drift.ts';
import { fromProblems, type ReleaseItem } from '../release-item.ts';

export const fixturesItem: ReleaseItem = {
  id: 'fixtures',
  proves: 'the fixtures regenerate byte-identical (the reference times aside)',
  async run({ a, throttled }) {
    const drift = await throttled(() => fixtureDrift(a));
    const fix = `regenerate with 'npm run fixtures ${a.short}' and commit, or find what changed the reference's outputs`;
    return fromProblems(drift.length ? [...drift, fix] : []);
  },
};
