import { CORPUS } from './corpus.ts';
import { corpusSuite } from './corpus-suite.ts';

// Half the corpus per file: vitest runs files in parallel.
corpusSuite('hostile submissions, first half (the strongest sandbox here)', CORPUS.slice(0, 19));
