import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCgroup } from '../../grader/run/memory-cgroup.ts';

describe('the kernel memory cap (root, with a memory cgroup)', () => {
  const probe = memoryCgroup(100);
  probe?.remove();

  it.skipIf(!probe)('stops a burst of memory faster than the grader polls, and says it was for memory', () => {
    const cg = memoryCgroup(100)!;
    // 600 MB touched at once: the 50 ms poll could miss it; the cgroup cannot.
    const r = spawnSync(cg.prefix[0], [...cg.prefix.slice(1), process.execPath, '-e', 'Buffer.alloc(600 * 2 ** 20, 1); console.log("survived")'], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect(r.stdout).toBe('');
    expect(cg.killedForMemory()).toBe(true);
    const dir = path.dirname(cg.prefix[3]);
    cg.remove();
    expect(existsSync(dir)).toBe(false);
  });
});
