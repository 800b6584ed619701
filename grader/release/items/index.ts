/** The items of the release check, in the order the table shows them. */
import type { ReleaseItem } from '../release-item.ts';
import { casesItem } from './cases.ts';
import { definitionItem } from './definition.ts';
import { fixturesItem } from './fixtures.ts';
import { referenceItem } from './reference.ts';
import { stubScoresZeroItem } from './stub-scores-zero.ts';
import { stubItem } from './stub.ts';
import { studentCopyItem } from './student-copy.ts';
import { variantsItem } from './variants.ts';

export const RELEASE_ITEMS: readonly ReleaseItem[] = [definitionItem, stubItem, fixturesItem, referenceItem, stubScoresZeroItem, casesItem, variantsItem, studentCopyItem];
