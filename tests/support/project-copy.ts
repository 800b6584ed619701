import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../grader/paths.ts';

/** What a course needs besides its assignments: the grader and the files npm runs it with. */
const TOOL = ['grader', 'harness', 'scripts', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * A copy of this project without any assignment, in a temp folder: npm
 * scripts run there act on it alone (its grader finds its course beside it).
 * node_modules is hard-linked (fast, no space), less its build caches.
 */
export function projectCopy(): string {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'tfgrade-project-')), 'project');
  for (const entry of TOOL) cpSync(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(root, 'node_modules')]);
  rmSync(path.join(root, 'node_modules', '.cache'), { recursive: true, force: true });
  return root;
}
