/** The grader's version, from package.json: recorded in every result so a grade can be reproduced. */
import pkg from '../package.json' with { type: 'json' };

export const GRADER_VERSION: string = pkg.version;
