import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../grader/definition/validate.ts';
import { ROOT } from '../../grader/paths.ts';
import { courseCopy } from '../support/course-copy.ts';

/** Runs the grade command as `npm run grade` does: tsx, in the project root, with the caller's folder in INIT_CWD. */
function grade(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'grader/cli/grade.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', INIT_CWD: os.tmpdir() },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmpJson = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'tfgrade-cli-')), 'out', 'results.json');

describe('npm run grade', () => {
  it('grades the reference, prints every part and writes a valid results JSON', () => {
    const json = tmpJson();
    const r = grade('hw1', '--solution', '--json', json);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Lloyd\'s algorithm kmeans  30/30');
    expect(r.out).toMatch(/backend (wasm|tensorflow)/);
    expect(r.out).toContain('Score 100/100');
    const results = validate('results', JSON.parse(readFileSync(json, 'utf8')), json);
    expect(results.score).toBe(100);
    expect(results.parts.map((p) => p.id)).toEqual(['pairwiseSqDistances', 'assignClusters', 'updateCenters', 'kmeansObjective', 'kmeansPlusPlusInit', 'kmeans']);
  });

  it('exits 0 on a submission that scores 0, with a not-implemented line per part', () => {
    const r = grade('hw1', '--backend', 'cpu');
    expect(r.code).toBe(0);
    expect(r.out).toContain('backend cpu');
    expect(r.out.match(/Not implemented: \w+ \(kmeans\.ts\)/g)).toHaveLength(6);
    expect(r.out).toContain('Score 0/100');
  });

  it('names the available assignments when given an unknown one, and still writes the JSON', () => {
    const json = tmpJson();
    const r = grade('hw9', '--json', json);
    expect(r.code).toBe(2);
    expect(r.err).toContain("no assignment 'hw9' (available: hw1 (hw1-kmeans)");
    const results = validate('results', JSON.parse(readFileSync(json, 'utf8')), json);
    expect(results.warnings[0]).toContain('grading did not run');
  });

  it('reads relative paths from the folder npm was run in', () => {
    const r = grade('hw1', '--submission', 'no-such-folder/alice');
    expect(r.err).toContain(`submission not found: ${path.join(os.tmpdir(), 'no-such-folder/alice')}`);
  });

  it('refuses a submission path that does not exist', () => {
    const r = grade('hw1', '--submission', '/nonexistent/alice');
    expect(r.code).toBe(2);
    expect(r.err).toContain('submission not found: /nonexistent/alice');
  });

  it('refuses an unknown backend and lists the choices', () => {
    const r = grade('hw1', '--backend', 'gpu');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("Allowed choices are auto, tensorflow, wasm, cpu");
  });

  it('exits 2 on an invalid manifest, naming the file and the JSON path, and writes the JSON with the error', () => {
    const layout = courseCopy('hw1-kmeans', { solutions: false, hidden: false });
    const file = path.join(layout.assignments, 'hw1-kmeans', 'manifest.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"points": 10,', '"points": "10",'));
    const json = tmpJson();
    const r = grade('hw1', '--course', layout.root, '--json', json);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/manifest\.json: \/parts\/0\/points: must be number/);
    const results = validate('results', JSON.parse(readFileSync(json, 'utf8')), json);
    expect(results.status).toBe('error');
    expect(results.error).toMatchObject({ code: 'BAD_DEFINITION', audience: 'staff' });
  });

  it("grades a student's copy given as --course: public cases only, and says so", () => {
    const layout = courseCopy('hw1-kmeans', { solutions: false, hidden: false });
    const json = tmpJson();
    const r = grade('hw1', '--course', layout.root, '--submission', path.join(ROOT, 'solutions/hw1-kmeans'), '--json', json);
    expect(r.code).toBe(0);
    const results = validate('results', JSON.parse(readFileSync(json, 'utf8')), json);
    expect(results).toMatchObject({ status: 'graded', score: 100, hiddenGraded: false });
    expect(results.parts.flatMap((p) => p.cases).every((c) => c.visibility === 'public')).toBe(true);
  });

  it('says clearly when the tensorflow backend is asked for but not installed', () => {
    const r = grade('hw1', '--backend', 'tensorflow');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/@tensorflow\/tfjs-node(-gpu)? is not installed|backend 'tensorflow'/);
  });
});
