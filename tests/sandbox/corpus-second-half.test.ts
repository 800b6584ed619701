import { CORPUS } from './corpus.ts';
import { corpusSuite } from './corpus-suite.ts';

corpusSuite('hostile submissions, second half (the strongest sandbox here)', CORPUS.slice(19));
