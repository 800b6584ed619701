/**
 * Where the student process runs as the grader's user in the grader's PID
 * namespace (no OS sandbox), it could signal the grader: SIGKILL, SIGSTOP,
 * or SIGUSR1, which opens the grader's inspector. Before student code loads,
 * signals and priority changes are confined to this process. In a PID
 * namespace the grader is not even visible; this is the wall for the rest.
 */
import os from 'node:os';

function refuse(what: string, pid: number): never {
  throw new Error(`${what}(${pid}): submissions may only signal their own process`);
}

/** Replaces process.kill (and the binding behind it) and os.setPriority with versions limited to this process. */
export function confineSignals(): void {
  const self = process.pid;
  const internals = process as unknown as { _kill?: (pid: number, sig: number) => number };
  const rawKill = internals._kill?.bind(process);
  if (rawKill) internals._kill = (pid, sig) => (pid === self ? rawKill(pid, sig) : refuse('process._kill', pid));
  const kill = process.kill.bind(process);
  process.kill = (pid, sig) => (pid === self ? kill(pid, sig) : refuse('process.kill', pid));
  const setPriority = os.setPriority;
  // One argument sets this process's priority; with two, the first is a pid (0: this process).
  os.setPriority = ((a: number, b?: number) => {
    if (b === undefined) return setPriority(a);
    return a === 0 || a === self ? setPriority(a, b) : refuse('os.setPriority', a);
  }) as typeof os.setPriority;
}
