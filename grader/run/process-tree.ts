import { readFileSync } from 'node:fs';

/**
 * A student process may sit under a sandbox launcher (bubblewrap, setpriv):
 * its memory and its killing concern the whole tree of processes below the
 * one the grader started, read from /proc (Linux; elsewhere the tree is the
 * one process).
 */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number, depth: number): void => {
    out.push(p);
    if (depth > 8) return;
    for (const child of childrenOf(p)) visit(child, depth + 1);
  };
  visit(pid, 0);
  return out;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of the tree, in kB; undefined where /proc cannot tell. */
export function treeRssKb(pid: number): number | undefined {
  return sumOverTree(pid, 'VmRSS');
}

/** The sum over the tree of each process's peak resident memory (VmHWM), in kB: the launcher's own is small. */
export function treePeakRssKb(pid: number): number | undefined {
  return sumOverTree(pid, 'VmHWM');
}

function sumOverTree(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  let total: number | undefined;
  for (const p of processTree(pid)) {
    try {
      const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total = (total ?? 0) + Number(m[1]);
    } catch {
      // gone between listing and reading
    }
  }
  return total;
}

/** SIGKILL to every process of the tree, listed before any dies: a dead parent's children are re-parented out of reach. */
export function killTree(pid: number): void {
  for (const p of processTree(pid)) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
