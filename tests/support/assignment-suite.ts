import { describe, expect, it } from 'vitest';
import { failures, gradeFile, lostParts, referenceFile, stubFile, writeVariant, type Variant } from './grade.ts';

/**
 * The checks every assignment must pass: the reference scores 100 on wasm and
 * cpu, the stub 0 with "not implemented" per part, each bug loses exactly the
 * parts it breaks, each valid alternative scores 100.
 */
/** Every assignment lists at least this many realistic bugs and valid alternatives: a suite without them proves nothing. */
const MIN_BUGS = 5;
const MIN_ALTERNATIVES = 2;

export function assignmentSuite(assignment: string, variants: { bugs: Variant[]; alternatives: Variant[] }): void {
  it(`${assignment} lists at least ${MIN_BUGS} bugs and ${MIN_ALTERNATIVES} alternatives, each named once`, () => {
    expect(variants.bugs.length).toBeGreaterThanOrEqual(MIN_BUGS);
    expect(variants.alternatives.length).toBeGreaterThanOrEqual(MIN_ALTERNATIVES);
    const names = [...variants.bugs, ...variants.alternatives].map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const bug of variants.bugs) expect(bug.loses.length, bug.name).toBeGreaterThan(0);
  });

  describe(`${assignment}: reference and stub`, () => {
    it.each(['wasm', 'cpu'] as const)('the reference scores 100 on %s', async (backend) => {
      const r = await gradeFile(assignment, referenceFile(assignment), { backend });
      expect(failures(r)).toEqual([]);
      expect(r.score).toBe(100);
      expect(r.provenance.backend).toBe(backend);
    });

    it('the stub scores 0, with "not implemented" for every case and no crash', async () => {
      const r = await gradeFile(assignment, stubFile(assignment));
      expect(r.score).toBe(0);
      for (const part of r.parts) {
        for (const c of part.cases) {
          expect(c.status, `${part.id}/${c.id}`).toBe('not-implemented');
          expect(c.message).toContain(`Not implemented: ${part.id}`);
        }
      }
    });
  });

  describe(`${assignment}: realistic bugs lose exactly the parts they break, each shown by a public case`, () => {
    it.each(variants.bugs.map((v) => [v.name, v] as const))('%s', async (_, v) => {
      const r = await gradeFile(assignment, writeVariant(assignment, v));
      expect(lostParts(r), failures(r).join('\n')).toEqual([...v.loses].sort());
      // Design invariant 6: the student sees the bug in a public case of every part it costs, before hidden cases judge.
      const unshown = v.loses.filter((part) => !r.parts.find((p) => p.id === part)?.cases.some((c) => c.visibility === 'public' && c.status !== 'passed'));
      expect(unshown, 'parts this bug loses on hidden cases only').toEqual([]);
    });
  });

  describe(`${assignment}: valid alternatives get 100`, () => {
    it.each(variants.alternatives.map((v) => [v.name, v] as const))('%s', async (_, v) => {
      const r = await gradeFile(assignment, writeVariant(assignment, v));
      expect(failures(r)).toEqual([]);
      expect(r.score).toBe(100);
    });
  });
}
