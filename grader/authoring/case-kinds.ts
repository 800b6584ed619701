/**
 * "Every hidden case has a public sibling" (design invariant 6), made
 * checkable. The kind of input a case exercises is read from its generator
 * and params, as features:
 *
 * - the generator's name;
 * - every non-numeric param, by value (`layout=grid`, `visible=ones`), an
 *   array by whether it is empty (`empty=[...]`);
 * - for sizes (the params the generator declares in `sizes`): the edge values
 *   0 and 1 (`k=1`, `n=1`) and equalities between sizes (`m=d`, `k=n`, `D=H`:
 *   square shapes hide transposes); other values of a size are not a kind;
 * - every other number by its range: 0, below 1, below 100, 100 and above,
 *   negative (`tol` 0 or not, `tail` 1e-6, `offset` 500, `logit` 120).
 *
 * Derived, not tagged by hand: a tag can be forgotten or go stale when params
 * change, while these features follow the params. A hidden case's every
 * feature must appear in some public case of the same part.
 */
import type { GeneratorTable, JsonValue } from '../definition/generator.ts';
import type { Assignment, CaseSpec } from '../definition/manifest.ts';

/** The features of the kind of input a case exercises. */
export function kindOf(spec: Pick<CaseSpec, 'generator' | 'params'>, sizes: readonly string[] = []): string[] {
  const features = [`generator=${spec.generator}`];
  const numbers = Object.entries(spec.params).filter((e): e is [string, number] => typeof e[1] === 'number');
  for (const [name, value] of Object.entries(spec.params)) {
    if (typeof value !== 'number') features.push(`${name}=${describe(value)}`);
  }
  for (const [name, value] of numbers) {
    if (!sizes.includes(name)) features.push(`${name}:${range(value)}`);
    else if (value === 0 || value === 1) features.push(`${name}=${value}`);
  }
  const sized = numbers.filter(([name, value]) => sizes.includes(name) && value > 1);
  sized.forEach(([a, x], i) => sized.slice(i + 1).forEach(([b, y]) => x === y && features.push(`${a}=${b}`)));
  return features;
}

function describe(value: JsonValue): string {
  if (Array.isArray(value)) return value.length ? '[...]' : '[]';
  return JSON.stringify(value);
}

function range(x: number): string {
  if (x < 0) return 'negative';
  if (x === 0) return '0';
  if (x < 1) return '(0,1)';
  return x < 100 ? '[1,100)' : '>=100';
}

/** Each feature of a hidden case that no public case of its part shows: `part/case: feature`. */
export function hiddenKindsWithoutSibling(a: Assignment, generators: GeneratorTable): string[] {
  const missing: string[] = [];
  for (const part of a.manifest.parts) {
    const kinds = (c: CaseSpec) => kindOf(c, generators[c.generator]?.sizes);
    const shown = new Set(part.cases.filter((c) => c.visibility === 'public').flatMap(kinds));
    for (const c of part.cases.filter((k) => k.visibility === 'hidden')) {
      for (const f of kinds(c)) if (!shown.has(f)) missing.push(`${part.id}/${c.id}: ${f}`);
    }
  }
  return missing;
}
