import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../grader/batch/similarity/normalise.ts';
import { similarPairs, type SimilarPair } from '../../grader/batch/similarity/similar-pairs.ts';
import { referenceFile, stubFile } from '../support/grade.ts';

const reference = readFileSync(referenceFile('hw1'), 'utf8');
const stub = readFileSync(stubFile('hw1'), 'utf8');
const independent = readFileSync(path.join(import.meta.dirname, 'submissions/independent/kmeans.ts'), 'utf8');

/** What a copier does to hide a copy: new names for every local, new formatting and comments, functions in another order. */
function disguise(source: string): string {
  const renames: [RegExp, string][] = [
    [/\bX\b/g, 'data'],
    [/\bC\b/g, 'centroids'],
    [/\blabels\b/g, 'assignment'],
    [/\bdiff\b/g, 'delta'],
    [/\bcounts\b/g, 'clusterSizes'],
    [/\bobjectives\b/g, 'history'],
    [/\bchosen\b/g, 'seeds'],
  ];
  let out = renames.reduce((s, [from, to]) => s.replace(from, to), source);
  out = out.replace(/\/\*\*[\s\S]*?\*\//g, '// my own work').replace(/\/\/ (BEGIN|END) SOLUTION\n/g, '');
  out = out.replace(/^( +)/gm, (s) => s.repeat(2)).replace(/;\n/g, ';\n\n').replace(/\(\) =>/g, '()=>');
  const [head, ...fns] = out.split(/\n(?=export (?:async )?function)/);
  return [head, ...fns.reverse()].join('\n');
}

/** `into` with the function `fn` taken from `from`. */
function withFunction(into: string, fn: string, from: string): string {
  const body = (src: string) => new RegExp(`export (async )?function ${fn}\\([\\s\\S]*?\\n}\\n`).exec(src)![0];
  return into.replace(body(into), body(from));
}

/** The pairs of a class given as sources by student, as the batch finds them. */
async function pairsOf(subs: { [student: string]: string }, stubSource: string): Promise<SimilarPair[]> {
  const normalised = await Promise.all(Object.entries(subs).map(async ([student, source]) => ({ student, units: await normalise(source) })));
  return similarPairs(normalised, await normalise(stubSource));
}

describe('similar submissions (winnowed fingerprints of normalised code)', () => {
  it('flags a renamed, reformatted, reordered copy, naming the functions that match', async () => {
    const pairs = await pairsOf({ ref: reference, copy: disguise(reference) }, stub);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 'ref', b: 'copy' });
    expect(pairs[0].similarity).toBeGreaterThanOrEqual(90);
    expect(pairs[0].functions.map((f) => `${f.a}~${f.b}`)).toEqual(expect.arrayContaining(['kmeans~kmeans', 'updateCenters~updateCenters', 'kmeansPlusPlusInit~kmeansPlusPlusInit']));
  });

  it('flags a copy with one function rewritten, and lists only the copied functions', async () => {
    const [pair] = await pairsOf({ ref: reference, copy: disguise(withFunction(reference, 'updateCenters', independent)) }, stub);
    expect(pair.functions.map((f) => f.a)).not.toContain('updateCenters');
    expect(pair.functions.map((f) => f.a)).toContain('kmeans');
  });

  it('flags a copy that does not even parse (it cannot be graded, but it was copied)', async () => {
    const [pair] = await pairsOf({ ref: reference, copy: `${disguise(reference)}\nexport function unfinished(x: number {\n` }, stub);
    expect(pair).toMatchObject({ a: 'ref', b: 'copy' });
    expect(pair.similarity).toBeGreaterThanOrEqual(90);
  });

  it('does not flag independent correct solutions', async () => {
    expect(await pairsOf({ ref: reference, mine: independent, copy: disguise(reference) }, stub)).toEqual([expect.objectContaining({ a: 'ref', b: 'copy' })]);
  });

  it('does not flag what only the stub gave everyone, however much of it there is', async () => {
    // A stub that hands out a whole function (here the reference's k-means++): everyone who keeps it shares it.
    const generous = withFunction(stub, 'kmeansPlusPlusInit', reference);
    const subs = { s1: generous, s2: generous, one: withFunction(generous, 'updateCenters', reference), other: withFunction(generous, 'kmeans', independent) };
    expect(await pairsOf(subs, generous)).toEqual([]);
    // The same class against the plain stub: the handed-out function is what they share.
    expect((await pairsOf(subs, stub)).map((p) => `${p.a}~${p.b}`)).toContain('one~other');
  });
});
