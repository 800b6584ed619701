import type { Comparator } from '../comparator.ts';
import { allclose } from './allclose.ts';
import { equal } from './equal.ts';
import { nonIncreasing } from './non-increasing.ts';
import { permutation } from './permutation.ts';
import { scalar } from './scalar.ts';
import { subspace } from './subspace.ts';

/** Every comparator a manifest may name; `property` checks are looked up in the assignment instead. */
export const comparators: ReadonlyMap<string, Comparator> = new Map([allclose, equal, permutation, nonIncreasing, scalar, subspace].map((c) => [c.name, c]));
