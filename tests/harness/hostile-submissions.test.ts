import { describe, expect, it } from 'vitest';
import type { Results } from '../../grader/results/results.ts';
import { readFileSync } from 'node:fs';
import { failures, gradeFile, lostParts, referenceFile, writeVariant, writeSubmission } from '../support/grade.ts';

/** Broken or hostile hw1 submissions: the grader survives, the affected cases say why, the rest are graded. */
const part = (r: Results, id: string) => r.parts.find((p) => p.id === id)!;
const variant = (name: string, find: string, replace: string) => writeVariant('hw1', { name, edits: [{ find, replace }] });
const PLUSPLUS_START = '  const n = X.shape[0];\n  const draws';

describe('hostile and broken hw1 submissions', () => {
  it('a function that throws costs its own cases, and the message says where', async () => {
    const r = await gradeFile('hw1', variant('throws', PLUSPLUS_START, "  throw new TypeError('boom');\n  const draws"));
    expect(lostParts(r)).toEqual(['kmeansPlusPlusInit']);
    const c = part(r, 'kmeansPlusPlusInit').cases[0];
    expect(c.status).toBe('error');
    const line = readFileSync(referenceFile('hw1'), 'utf8').split(PLUSPLUS_START)[0].split('\n').length;
    expect(c.message).toBe(`threw (at kmeans.ts:${line}:9): boom`);
  });

  it('an infinite loop is stopped at the time limit and named, and the other cases still run', async () => {
    const r = await gradeFile('hw1', variant('loops', PLUSPLUS_START, '  for (;;) {}\n  const draws'), { timeLimitMs: 1500 });
    expect(lostParts(r)).toEqual(['kmeansPlusPlusInit']);
    for (const c of part(r, 'kmeansPlusPlusInit').cases) {
      expect(c.status).toBe('timeout');
      expect(c.message).toContain('did not finish within 1.5 s');
    }
    expect(part(r, 'kmeans').score).toBe(30);
    expect(r.warnings.join(' ')).toMatch(/restarted \d+ time/);
  });

  it('process.exit(0) inside a function costs that function and its callers only', async () => {
    const r = await gradeFile('hw1', variant('exits', '  return value;\n', '  process.exit(0);\n  return value;\n'));
    expect(lostParts(r)).toEqual(['kmeans', 'kmeansObjective']);
    expect(part(r, 'kmeansObjective').cases[0].message).toContain('called process.exit(0)');
  });

  it('process.exit at load time fails every case with the reason, without killing the grader', async () => {
    const r = await gradeFile('hw1', variant('exits-on-load', "import * as tf from '@tensorflow/tfjs';", "import * as tf from '@tensorflow/tfjs';\nprocess.exit(0);"));
    expect(r.score).toBe(0);
    expect(part(r, 'kmeans').cases[0].message).toMatch(/failed to load: .*process\.exit\(0\)/);
  });

  it('a loop at the top level is stopped while loading, and every case says so', async () => {
    const r = await gradeFile('hw1', variant('loops-on-load', "import * as tf from '@tensorflow/tfjs';", "import * as tf from '@tensorflow/tfjs';\nfor (;;) {}"), { timeLimitMs: 1000 });
    expect(r.score).toBe(0);
    expect(part(r, 'kmeans').cases[0].message).toBe('kmeans.ts did not finish loading within 10 s (a loop at its top level?)');
  });

  it('a syntax error fails every part with the file, line and column', async () => {
    const r = await gradeFile('hw1', variant('syntax-error', 'export function assignClusters(', 'export function assignClusters(('));
    expect(r.score).toBe(0);
    expect(r.parts.every((p) => p.cases.every((c) => c.status === 'error'))).toBe(true);
    expect(part(r, 'kmeans').cases[0].message).toMatch(/does not compile: .*kmeans\.ts:\d+:\d+/);
  });

  it('a missing export costs only that part, with a message naming it', async () => {
    const r = await gradeFile('hw1', variant('missing-export', 'export function updateCenters', 'function updateCenters'));
    expect(lostParts(r)).toEqual(['updateCenters']);
    expect(part(r, 'updateCenters').cases[0].message).toContain("no exported function 'updateCenters'");
  });

  it('a wrong shape is reported with a transpose hint', async () => {
    const r = await gradeFile('hw1', variant('wrong-shape', 'tf.gather(X, chosen) as tf.Tensor2D', 'tf.gather(X, chosen).transpose() as tf.Tensor2D'));
    expect(lostParts(r)).toEqual(['kmeansPlusPlusInit']);
    expect(part(r, 'kmeansPlusPlusInit').cases[0].message).toContain('the transpose of the expected shape');
  });

  it('NaN is reported as NaN, not as a tolerance miss', async () => {
    const r = await gradeFile('hw1', variant('nan', '  return value;\n', '  return NaN;\n'));
    expect(lostParts(r)).toEqual(['kmeans', 'kmeansObjective']);
    expect(part(r, 'kmeansObjective').cases[0].message).toMatch(/expected [\d.]+, got NaN/);
  });

  it('a process that kills itself costs the case it was running; a fresh process runs the rest', async () => {
    const r = await gradeFile('hw1', variant('self-kill', PLUSPLUS_START, "  process.kill(process.pid, 'SIGKILL');\n  const draws"));
    expect(lostParts(r)).toEqual(['kmeansPlusPlusInit']);
    expect(part(r, 'kmeansPlusPlusInit').cases[0].status).toBe('crashed');
    expect(part(r, 'kmeansPlusPlusInit').cases[0].message).toContain('was killed by SIGKILL');
  });

  it('running out of memory is stopped at the cap and reported', async () => {
    const hog = '  const hog: Float64Array[] = [];\n  for (;;) hog.push(new Float64Array(1e7).fill(1));\n  const draws';
    const r = await gradeFile('hw1', variant('memory-hog', PLUSPLUS_START, hog), { memoryMb: 400 });
    expect(lostParts(r)).toEqual(['kmeansPlusPlusInit']);
    expect(part(r, 'kmeansPlusPlusInit').cases[0].status).toBe('crashed');
    expect(part(r, 'kmeansPlusPlusInit').cases[0].message).toMatch(/memory/);
  });

  it('leaked tensors are reported without costing points', async () => {
    const r = await gradeFile('hw1', variant('leaks', '  return tf.tidy(() => {\n    const diff', '  return ((f) => f())(() => {\n    const diff'));
    expect(failures(r)).toEqual([]);
    const c = part(r, 'pairwiseSqDistances').cases[0];
    expect(c.leakedTensors).toBeGreaterThan(0);
    expect(c.message).toContain('leaked');
  });

  it('disposing an input fails the case and says which input', async () => {
    const r = await gradeFile('hw1', variant('disposes-input', '  return value;\n', '  labels.dispose();\n  return value;\n'));
    expect(lostParts(r)).toContain('kmeansObjective');
    expect(part(r, 'kmeansObjective').cases[0].message).toContain('argument 3 (disposed)');
  });

  it('cannot read the hidden fixtures (Node permission model)', async () => {
    const steal = "  const fs = (process as unknown as { mainModule: NodeJS.Module }).mainModule.require('node:fs');\n  fs.readFileSync(process.cwd() + '/fixtures/hw1-kmeans/hidden/kmeans.k-1.json');\n  const draws";
    const r = await gradeFile('hw1', variant('reads-fixtures', PLUSPLUS_START, steal));
    expect(lostParts(r)).toEqual(['kmeansPlusPlusInit']);
    expect(part(r, 'kmeansPlusPlusInit').cases[0].message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
  });

  it("what a case prints comes back with that case, bounded", async () => {
    const r = await gradeFile('hw1', variant('prints', '  return value;\n', "  console.log('F =', value);\n  console.warn('x'.repeat(5000));\n  return value;\n"));
    expect(failures(r)).toEqual([]);
    const out = part(r, 'kmeansObjective').cases[0].output!;
    expect(out).toMatch(/^F = [\d.]+\nxxx/);
    expect(out).toMatch(/… \(\d+ more characters not shown\)$/);
    expect(part(r, 'pairwiseSqDistances').cases[0].output).toBeUndefined();
  });

  it('replacing a tensor inside an input object fails the case and names the field', async () => {
    const swap = "  (p0 as { W: tf.Tensor2D }).W = tf.zerosLike(p0.W);\n  const { epochs, batchSize, lr, k } = options;";
    const file = writeVariant('hw3', { name: 'swaps-input-field', edits: [{ find: '  const { epochs, batchSize, lr, k } = options;', replace: swap }] });
    const r = await gradeFile('hw3', file);
    expect(lostParts(r)).toEqual(['trainRBM']);
    expect(part(r, 'trainRBM').cases[0].message).toContain('argument 2.W (replaced in its object)');
  });

  it('a forged message to the grader stops the student process and costs only that case', async () => {
    const forge = "  const fs = (process as unknown as { mainModule: NodeJS.Module }).mainModule.require('node:fs');\n  fs.writeSync(4, JSON.stringify({ type: 'result', caseKey: 'x', value: { kind: 'tensor', dtype: 'float64', shape: [-1], data: '' } }));\n  const draws";
    const r = await gradeFile('hw1', variant('forges-message', PLUSPLUS_START, forge));
    expect(lostParts(r)).toEqual(['kmeansPlusPlusInit']);
    const c = part(r, 'kmeansPlusPlusInit').cases[0];
    expect(c.message).toContain('sent a frame without the channel token');
    expect(c.status).toBe('crashed');
  });

  it('importing anything but tfjs is refused at compile time', async () => {
    const source = "import { readFileSync } from 'node:fs';\nexport const pairwiseSqDistances = () => readFileSync('/etc/passwd');\n";
    const r = await gradeFile('hw1', writeSubmission('hw1', 'imports-fs', source));
    expect(r.score).toBe(0);
    expect(part(r, 'pairwiseSqDistances').cases[0].message).toContain("imports 'node:fs'");
  });
});
