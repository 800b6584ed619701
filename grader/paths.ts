import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: every folder the grader reads is found from here, not from the working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ASSIGNMENTS_DIR = path.join(ROOT, 'assignments');
export const SOLUTIONS_DIR = path.join(ROOT, 'solutions');
export const FIXTURES_DIR = path.join(ROOT, 'fixtures');
export const TEMPLATES_DIR = path.join(ROOT, 'templates');
export const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'tfgrade');

/** A path as the user should read it: relative to the working directory when inside it. */
export function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
