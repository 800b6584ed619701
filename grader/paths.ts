import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the grader is installed: its own files (harness, templates, node_modules) are found from here. A course's files are found through its CourseLayout. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const TEMPLATES_DIR = path.join(ROOT, 'templates');
export const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'tfgrade');

/** A path as the user should read it: relative to the working directory when inside it. */
export function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
