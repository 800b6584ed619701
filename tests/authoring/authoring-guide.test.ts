import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../grader/paths.ts';
import { projectCopy } from '../support/project-copy.ts';

const run = promisify(execFile);

/** The guide's shell commands, block by block, in the order a reader meets them. */
function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1].trim());
}

const guide = readFileSync(path.join(ROOT, 'docs', 'authoring.md'), 'utf8');

describe('docs/authoring.md', () => {
  it('is linked from the README', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('(docs/authoring.md)');
  });

  it('reads its commands from the sh blocks: scaffold first, release last', () => {
    const blocks = shellBlocks(guide);
    expect(blocks[0]).toBe('npm run new hw8 -- --title "Normalizing flows"');
    expect(blocks.join('\n')).toContain('npm run check hw8');
    expect(blocks.at(-1)).toContain('npm run package hw8 -- --gradescope');
  });

  it('works when followed: every command succeeds, in order, in a fresh copy of the project', async () => {
    const root = projectCopy();
    for (const block of shellBlocks(guide)) {
      const done = await run('bash', ['-euo', 'pipefail', '-c', block], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }).then(
        (r) => ({ ok: true, out: r.stdout }),
        (e: { stdout: string; stderr: string }) => ({ ok: false, out: `${e.stdout}\n${e.stderr}` }),
      );
      expect(done.ok, `${block}\n${done.out}`).toBe(true);
    }
    expect(existsSync(path.join(root, 'dist', 'hw8-normalizing-flows-student.zip'))).toBe(true);
    expect(existsSync(path.join(root, 'dist', 'hw8-normalizing-flows-gradescope.zip'))).toBe(true);
  }, 600_000);
});
