/** Item: the definition validates and every name in it resolves. */
import { generatorOf, loadGenerators } from '../../authoring/make-fixtures.ts';
import { loadVariants } from '../../definition/variants.ts';
import { asGraderError } from '../../errors.ts';
import { loadFixtures } from '../../fixtures/load-fixtures.ts';
import { resolveStaffNames } from '../../judge/staff-judges.ts';
import { fromProblems, type ReleaseItem } from '../release-item.ts';
import type { Assignment } from '../../definition/manifest.ts';

/** Runs one step, its problems or what it throws: every step is tried, so one run names every fault. */
async function tried(step: () => Promise<string[] | void> | string[] | void): Promise<string[]> {
  try {
    return (await step()) ?? [];
  } catch (e) {
    return [asGraderError(e).message];
  }
}

/** Every case names a generator of cases.ts and gives it valid params. */
async function generatorProblems(a: Assignment): Promise<string[]> {
  const generators = await loadGenerators(a);
  const problems: string[] = [];
  for (const part of a.manifest.parts) for (const spec of part.cases) {
    problems.push(...(await tried(() => void generatorOf(a, generators, part, spec))));
  }
  return problems;
}

/** The variant lists validate and name only parts of the assignment. */
async function variantProblems(a: Assignment): Promise<string[]> {
  const { bugs, alternatives } = await loadVariants(a);
  const parts = new Set(a.manifest.parts.map((p) => p.id));
  const names = [...bugs, ...alternatives].map((v) => v.name);
  return [
    ...bugs.flatMap((b) => b.loses.filter((p) => !parts.has(p)).map((p) => `bug '${b.name}' loses '${p}', which is not a part (parts: ${[...parts].join(', ')})`)),
    ...bugs.filter((b) => !b.loses.length).map((b) => `bug '${b.name}' loses no part: a bug must name the parts it costs`),
    ...alternatives.filter((v) => v.loses.length).map((v) => `alternative '${v.name}' loses ${v.loses.join(', ')}: an alternative must lose nothing`),
    ...names.filter((n, i) => names.indexOf(n) !== i).map((n) => `variant '${n}' is listed twice`),
    ...(bugs.length ? [] : ['no bugs listed: list at least one realistic bug']),
    ...(alternatives.length ? [] : ['no alternatives listed: list at least one valid alternative']),
  ];
}

export const definitionItem: ReleaseItem = {
  id: 'definition',
  proves: 'manifest, hidden cases, fixtures, staff tables and variants validate; every name resolves',
  spawns: false,
  async run({ a }) {
    const problems = [
      ...(a.hiddenDeclared ? [] : [`no hidden-cases.json in ${a.solutionDir}: hidden cases must be declared`]),
      ...(await tried(() => void loadFixtures(a))),
      ...(await tried(() => resolveStaffNames(a))),
      ...(await tried(() => generatorProblems(a))),
      ...(await tried(() => variantProblems(a))),
    ];
    return fromProblems(problems);
  },
};
