import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures } from '../../grader/authoring/make-fixtures.ts';
import type { Assignment } from '../../grader/definition/manifest.ts';
import { ROOT } from '../../grader/paths.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { sandbox } from '../../grader/run/sandbox.ts';
import type { Hostile } from './corpus.ts';
import { caseLines, gradeHostile, loopbackListener, normalise, treeState, type Targets } from './hostile.ts';
import { sandboxAssignment } from './sandbox-assignment.ts';

const SECRET = `tfgrade-secret-${process.pid}-${Date.now()}`;

/**
 * Grades each hostile submission once through the real pipeline and checks:
 * its exact score, the lines of its cases (the innocent part passes), its
 * warnings; that the grader's secret reaches no report; that no escape
 * sequence reaches the terminal; and, after all, that the loopback listener
 * received nothing and nothing changed outside the temp folders.
 */
export function corpusSuite(title: string, entries: Hostile[]): void {
  describe(title, () => {
    let a: Assignment;
    let targets: Targets;
    let listener: Awaited<ReturnType<typeof loopbackListener>>;
    let before: string[];

    beforeAll(async () => {
      process.env.TFGRADE_TEST_SECRET = SECRET;
      a = sandboxAssignment();
      await makeFixtures(a);
      listener = await loopbackListener();
      targets = { graderPid: process.pid, port: listener.port, canary: mkdtempSync(path.join(os.tmpdir(), 'tfgrade-canary-')), secretPrefix: 'tfgrade-secret-' };
      before = [...treeState(ROOT), ...treeState(a.dir)];
    });

    afterAll(() => listener.close());

    it.each(entries.map((e) => [e.name, e] as const))('%s', async (_, e) => {
      const r = await gradeHostile(e.name, a, targets, e);
      const lines = caseLines(r, a, targets);
      // A submission that does not compile or load fails every case alike; otherwise the innocent part passes.
      const total = e.score === 0 ? e.scale : 'passed: passed';
      expect(lines).toEqual([`scale/p1: ${e.scale}`, `scale/h1: ${e.scale}`, `total/p1: ${total}`]);
      expect(r.score).toBe(e.score);
      expect(r.warnings.map((w) => normalise(w, a, targets))).toEqual(e.warnings ?? []);
      expect(r.sandbox).toBe(e.bullet === 'compile step' ? undefined : sandbox().description);
      const shown = renderTerminal(r, false);
      for (const text of [JSON.stringify(r), shown]) expect(text).not.toContain(SECRET);
      expect(shown).not.toContain('\u001b');
      // The results stay a report, whatever the submission printed or threw.
      expect(JSON.stringify(r).length).toBeLessThan(100_000);
      for (const c of r.parts.flatMap((p) => p.cases)) expect(c.output ?? '').not.toContain('LEAKED');
    });

    it('left no trace: nothing reached the loopback listener, nothing changed outside the temp folders', () => {
      expect(listener.received()).toBe(0);
      expect(readdirSync(targets.canary)).toEqual([]);
      expect([...treeState(ROOT), ...treeState(a.dir)]).toEqual(before);
    });
  });
}
