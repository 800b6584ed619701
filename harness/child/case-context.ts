/**
 * Which case a piece of student work belongs to. Each call runs inside an
 * async context named after its case, which Node carries into the timers,
 * promises and callbacks that call starts; an error they throw later is
 * charged to that case, not to whichever case is running then. Timers a call
 * leaves behind are cancelled when its case ends, so they never run during
 * another case.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import timers from 'node:timers';
import { ReflectApply } from './primordials.ts';

const storage = new AsyncLocalStorage<string>();
const run = AsyncLocalStorage.prototype.run;
const getStore = AsyncLocalStorage.prototype.getStore;

interface Tracked {
  owner: string;
  handle: unknown;
  clear: (h: unknown) => void;
}
let tracked: Tracked[] = [];

/** Runs `fn` as the work of case `key`. */
export function runAsCase<T>(key: string, fn: () => T): T {
  return ReflectApply(run, storage, [key, fn]) as T;
}

/** The case whose work is running now, if any (undefined for the submission's top level). */
export function owningCase(): string | undefined {
  return ReflectApply(getStore, storage, []) as string | undefined;
}

/** Cancels every timer that case `key` started and left running. */
export function endCase(key: string): void {
  const keep: Tracked[] = [];
  for (let i = 0; i < tracked.length; i++) {
    const t = tracked[i];
    if (t.owner === key) t.clear(t.handle);
    else keep[keep.length] = t;
  }
  tracked = keep;
}

/** Wraps the global and `node:timers` timer functions so that a case's timers are known; before student code loads. */
export function trackTimers(): void {
  const pairs = [
    ['setTimeout', timers.clearTimeout],
    ['setInterval', timers.clearInterval],
    ['setImmediate', timers.clearImmediate],
  ] as const;
  for (const [name, clear] of pairs) {
    const original = timers[name] as (...a: unknown[]) => unknown;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      const handle = ReflectApply(original, this, args);
      const owner = owningCase();
      if (owner !== undefined) tracked[tracked.length] = { owner, handle, clear: clear as (h: unknown) => void };
      return handle;
    };
    (globalThis as { [k: string]: unknown })[name] = wrapped;
    (timers as { [k: string]: unknown })[name] = wrapped;
  }
}
