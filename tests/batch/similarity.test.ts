import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { similarPairs, type Source } from '../../grader/batch/similarity/similar-pairs.ts';
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

const classOf = (subs: { [student: string]: string }): Source[] => Object.entries(subs).map(([student, source]) => ({ student, source }));

describe('similar submissions (winnowed fingerprints of normalised code)', () => {
  it('flags a renamed, reformatted, reordered copy, naming the functions that match', async () => {
    const pairs = await similarPairs(classOf({ ref: reference, copy: disguise(reference) }), stub);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 'ref', b: 'copy' });
    expect(pairs[0].similarity).toBeGreaterThanOrEqual(90);
    expect(pairs[0].functions.map((f) => `${f.a}~${f.b}`)).toEqual(expect.arrayContaining(['kmeans~kmeans', 'updateCenters~updateCenters', 'kmeansPlusPlusInit~kmeansPlusPlusInit']));
  });

  it('flags a copy with one function rewritten, and lists only the copied functions', async () => {
    const [pair] = await similarPairs(classOf({ ref: reference, copy: disguise(withFunction(reference, 'updateCenters', independent)) }), stub);
    expect(pair.functions.map((f) => f.a)).not.toContain('updateCenters');
    expect(pair.functions.map((f) => f.a)).toContain('kmeans');
  });

  it('does not flag independent correct solutions', async () => {
    expect(await similarPairs(classOf({ ref: reference, mine: independent, copy: disguise(reference) }), stub)).toEqual([expect.objectContaining({ a: 'ref', b: 'copy' })]);
  });

  it('does not flag what only the stub gave everyone, however much of it there is', async () => {
    // A stub that hands out a whole function (here the reference's k-means++): everyone who keeps it shares it.
    const generous = withFunction(stub, 'kmeansPlusPlusInit', reference);
    const subs = classOf({ s1: generous, s2: generous, one: withFunction(generous, 'updateCenters', reference), other: withFunction(generous, 'kmeans', independent) });
    expect(await similarPairs(subs, generous)).toEqual([]);
    // The same class against the plain stub: the handed-out function is what they share.
    expect((await similarPairs(subs, stub)).map((p) => `${p.a}~${p.b}`)).toContain('one~other');
  });
});
