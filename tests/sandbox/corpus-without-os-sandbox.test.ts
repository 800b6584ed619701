import { CORPUS } from './corpus.ts';
import { corpusSuite } from './corpus-suite.ts';

// Read once, when the first student process starts: this file's grader has no OS layer, only the defences that need no privileges.
process.env.TFGRADE_SANDBOX = 'permissions-only';

corpusSuite(
  'hostile submissions without an OS sandbox',
  CORPUS.filter((e) => e.withoutOsSandbox),
);
