import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, ROOT } from '../../grader/paths.ts';

/** `npm run grade` runs the grader precompiled (scripts/precompiled.mjs), not through tsx. */
function launch(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/precompiled.mjs'), 'grader/cli/grade.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const bundle = path.join(CACHE_DIR, 'grader-cli-grade.mjs');
const builtAt = () => statSync(bundle).mtimeMs;

describe('the precompiled grader', () => {
  it('parses its own arguments, as if started directly', () => {
    const r = launch('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: npm run grade [options] <assignment>');
  });

  it('is rebuilt when a file it was built from changes, and only then', () => {
    launch('--help');
    const first = builtAt();
    launch('--help');
    expect(builtAt()).toBe(first);
    const source = path.join(ROOT, 'grader/cli/grade.ts');
    const { atime, mtime } = statSync(source);
    utimesSync(source, atime, new Date(mtime.getTime() + 1000));
    try {
      launch('--help');
      expect(builtAt()).toBeGreaterThan(first);
    } finally {
      utimesSync(source, atime, mtime);
    }
  });

  it("grades with the assignment's staff code (TypeScript loaded at run time) and finds the project's files", () => {
    const r = launch('hw2', '--solution', '--backend', 'wasm');
    expect(r.err).toBe('');
    expect(r.out).toContain('Score 100/100');
  });
});
