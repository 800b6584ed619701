import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../grader/paths.ts';

/** Every relative import of every .ts file under `dir`, resolved to a path from the project root. */
function importsUnder(dir: string): { file: string; target: string }[] {
  const out: { file: string; target: string }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
          out.push({ file: path.relative(ROOT, p), target: path.relative(ROOT, path.resolve(path.dirname(p), m[1])) });
        }
      }
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

describe('the wall between the student process and the grader', () => {
  it('harness/ imports nothing from grader/ or solutions/', () => {
    const crossing = importsUnder('harness').filter((i) => /^(grader|solutions)\//.test(i.target));
    expect(crossing).toEqual([]);
  });

  it('grader/ imports from harness/ only its protocol', () => {
    const crossing = importsUnder('grader').filter((i) => i.target.startsWith('harness/') && !i.target.startsWith('harness/protocol/'));
    expect(crossing).toEqual([]);
  });

  it('the protocol imports nothing but itself', () => {
    const crossing = importsUnder('harness/protocol').filter((i) => !i.target.startsWith('harness/protocol/'));
    expect(crossing).toEqual([]);
  });
});
