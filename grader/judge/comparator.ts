import type { SchemaObject } from 'ajv';
import type { JsonValue } from '../definition/generator.ts';
import type { Tolerance } from '../definition/manifest.ts';
import type { Verdict } from '../definition/property.ts';
import type { Observed } from './observed.ts';

export interface CheckInput {
  actual: Observed;
  /** The reference output (or ground truth) at the same path; absent for comparators that need none. */
  expected?: Observed;
  tolerance?: Tolerance;
  options: { [key: string]: JsonValue };
}

/** One named rule for judging an output: a small object looked up by name from the manifest. */
export interface Comparator {
  name: string;
  /** JSON schema of the options a check may give it: checked when the assignment loads, so a typo is an error, not a default. */
  options: SchemaObject;
  /** Whether the check compares with an expected value (the reference's or the truth). */
  needsExpected: boolean;
  judge(input: CheckInput): Verdict;
}

/** The options schema of a comparator that takes none. */
export const NO_OPTIONS: SchemaObject = { type: 'object', additionalProperties: false };
