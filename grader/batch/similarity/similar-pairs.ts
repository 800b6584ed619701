/** Pairs of submissions whose normalised code matches more than chance, with the functions that match. */
import type { FunctionTokens } from './normalise.ts';
import { fingerprints } from './winnow.ts';

export interface SimilarPair {
  a: string;
  b: string;
  /** Percent of the smaller submission's fingerprints (the stub's left out) that the other shares. */
  similarity: number;
  functions: { a: string; b: string; similarity: number }[];
}

/** A submission's code as normalise() made it: each submission is normalised as it is graded, in the pool. */
export interface Normalised {
  student: string;
  units: FunctionTokens[];
}

/**
 * Half of the smaller submission's own code matching the other's is far
 * beyond chance for independently written code (an independent correct hw1,
 * tests/batch/submissions/independent, shares 11% with the reference) and far
 * below a renamed, reformatted, reordered copy (90-100%).
 */
export const THRESHOLD = 0.5;
/** Fewer shared fingerprints than this is a common idiom or two, whatever the share: a nearly empty submission matches anything. */
const MIN_SHARED = 8;

interface Unit {
  name: string;
  prints: Set<number>;
}

/** Every pair at or above `threshold`, most similar first; what the stub already contained counts for no one. */
export function similarPairs(subs: Normalised[], stub: FunctionTokens[], threshold = THRESHOLD): SimilarPair[] {
  const fromStub = union(stub.map((u) => fingerprints(u.tokens)));
  const docs = subs.map((s) => {
    const units: Unit[] = s.units.map((u) => ({ name: u.name, prints: difference(fingerprints(u.tokens), fromStub) })).filter((u) => u.prints.size);
    return { student: s.student, units, all: union(units.map((u) => u.prints)) };
  });
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const [a, b] = [docs[i], docs[j]];
      const shared = overlap(a.all, b.all);
      const similarity = shared / Math.min(a.all.size, b.all.size);
      if (shared < MIN_SHARED || similarity < threshold) continue;
      pairs.push({ a: a.student, b: b.student, similarity: percent(similarity), functions: matchingFunctions(a.units, b.units, threshold) });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || (x.a + x.b < y.a + y.b ? -1 : 1));
}

/** For each function of `a`, the function of `b` that shares most of it, when that is at or above the threshold. */
function matchingFunctions(a: Unit[], b: Unit[], threshold: number): SimilarPair['functions'] {
  const out: SimilarPair['functions'] = [];
  for (const ua of a) {
    const best = b
      .map((ub) => ({ ub, s: overlap(ua.prints, ub.prints) / Math.min(ua.prints.size, ub.prints.size) }))
      .sort((x, y) => y.s - x.s)[0];
    if (best && best.s >= threshold) out.push({ a: ua.name, b: best.ub.name, similarity: percent(best.s) });
  }
  return out;
}

function union(sets: Set<number>[]): Set<number> {
  return new Set(sets.flatMap((s) => [...s]));
}

function difference(a: Set<number>, b: Set<number>): Set<number> {
  return new Set([...a].filter((x) => !b.has(x)));
}

function overlap(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

const percent = (x: number) => Math.round(100 * x);
