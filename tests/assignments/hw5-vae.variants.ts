import type { Variant } from '../support/grade.ts';

/** Realistic hw5 bugs, each an edit of the reference, with the parts it must cost. */
export const bugs: Variant[] = [];

/** Correct implementations written differently from the reference: they must get 100. */
export const alternatives: Variant[] = [];
