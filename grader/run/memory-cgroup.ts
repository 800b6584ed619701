import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A kernel memory cap on one student process tree, where the grader may make
 * cgroups (root, with the memory controller in cgroup v1 or v2). The grader's
 * 50 ms poll of resident memory (process-tree.ts) stays the first line and
 * words the message; this cap stops what grows faster than the poll.
 */
export interface MemoryCgroup {
  /** The command prefix that moves a process into the cgroup, then runs the rest. */
  prefix: string[];
  /** True when the kernel killed a process of the cgroup for memory. */
  killedForMemory(): boolean;
  remove(): void;
}

/** Headroom over the polled cap, so the poll (with its clearer message) usually acts first. */
const HEADROOM = 1.25;
let made = 0;

/** A fresh cgroup capped at `memoryMb` (with headroom), or undefined where this grader cannot make one. */
export function memoryCgroup(memoryMb: number): MemoryCgroup | undefined {
  const parent = memoryParent();
  if (!parent) return undefined;
  const dir = path.join(parent.dir, `tfgrade-${process.pid}-${++made}`);
  const bytes = String(Math.round(memoryMb * HEADROOM * 2 ** 20));
  try {
    mkdirSync(dir);
    writeFileSync(path.join(dir, parent.v2 ? 'memory.max' : 'memory.limit_in_bytes'), bytes);
    if (parent.v2) writeFileSync(path.join(dir, 'memory.swap.max'), '0');
  } catch {
    remove(dir);
    return undefined;
  }
  const events = path.join(dir, parent.v2 ? 'memory.events' : 'memory.oom_control');
  return {
    // The shell joins the cgroup before it execs the sandbox, so nothing runs outside the cap.
    prefix: ['/bin/sh', '-c', 'echo $$ > "$0" && exec "$@"', path.join(dir, 'cgroup.procs')],
    killedForMemory: () => /oom_kill [1-9]/.test(read(events)),
    remove: () => remove(dir),
  };
}

/** The grader's own memory cgroup, where children can be made: v1's memory hierarchy, or v2 with memory delegated. */
function memoryParent(): { dir: string; v2: boolean } | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const lines = read('/proc/self/cgroup').split('\n');
  const v1 = lines.map((l) => l.split(':')).find(([, ctl]) => ctl.split(',').includes('memory'));
  if (v1 && existsSync('/sys/fs/cgroup/memory')) return { dir: path.join('/sys/fs/cgroup/memory', v1[2]), v2: false };
  const v2 = lines.find((l) => l.startsWith('0::'));
  const dir = v2 && path.join('/sys/fs/cgroup', v2.slice(3));
  if (dir && read(path.join(dir, 'cgroup.subtree_control')).split(' ').includes('memory')) return { dir, v2: true };
  return undefined;
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Removes the cgroup; its last processes may still be exiting (a sandbox's inner ones outlive its launcher briefly), so it retries. */
function remove(dir: string, tries = 20): void {
  try {
    rmdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EBUSY' && tries > 0) setTimeout(() => remove(dir, tries - 1), 100).unref();
  }
}
