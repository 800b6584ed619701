import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../grader/paths.ts';

interface Import {
  file: string;
  /** A path from the project root for a relative import, else the package specifier. */
  target: string;
}

// Static imports, re-exports, side-effect imports and dynamic imports with a literal specifier.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function tsFilesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Every import of every .ts file under `dir`; relative ones resolved to paths from the project root. */
function importsUnder(dir: string): Import[] {
  const files = tsFilesUnder(dir);
  expect(files.length, `no .ts files found under ${dir}`).toBeGreaterThan(0);
  return files.flatMap((file) =>
    [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(IMPORT)].map((m) => ({
      file,
      target: m[1].startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), m[1])) : m[1],
    })),
  );
}

const isLocal = (i: Import) => /^(grader|harness|solutions|assignments|scripts|tests)\//.test(i.target);

describe('the walls between the parts of the project', () => {
  it('sees the imports it judges (relative and package imports alike)', () => {
    const grader = importsUnder('grader');
    expect(grader.some((i) => i.target === 'grader/definition/validate.ts')).toBe(true);
    expect(grader.some((i) => i.target === 'ajv')).toBe(true);
    expect(importsUnder('solutions').some((i) => i.target === '@tensorflow/tfjs')).toBe(true);
  });

  it('harness/ imports nothing from grader/, solutions/ or assignments/', () => {
    expect(importsUnder('harness').filter((i) => /^(grader|solutions|assignments)\//.test(i.target))).toEqual([]);
  });

  it('grader/ imports from harness/ only its protocol, and never solutions/ by name', () => {
    const crossing = importsUnder('grader').filter((i) => (i.target.startsWith('harness/') && !i.target.startsWith('harness/protocol/')) || i.target.startsWith('solutions/'));
    expect(crossing).toEqual([]);
  });

  it('the protocol imports nothing but itself', () => {
    expect(importsUnder('harness/protocol').filter((i) => isLocal(i) && !i.target.startsWith('harness/protocol/'))).toEqual([]);
  });

  it('solutions/ reaches the grader only through the staff API, and the harness not at all', () => {
    const crossing = importsUnder('solutions').filter((i) => (isLocal(i) && !i.target.startsWith('solutions/') && i.target !== 'grader/staff/api.ts'));
    expect(crossing).toEqual([]);
  });

  it("assignments/ (what students get) imports only TensorFlow.js, never solutions/ or the grader", () => {
    expect(importsUnder('assignments').filter((i) => i.target !== '@tensorflow/tfjs')).toEqual([]);
  });
});
