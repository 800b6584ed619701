import { format } from 'node:util';

/**
 * What one case may print: a report line, not a log file. When it prints more,
 * the beginning and the end are kept: the end is where a failure usually shows.
 */
const HEAD_CHARS = 1000;
const TAIL_CHARS = 3000;

let head = '';
let tail = '';
let dropped = 0;

/**
 * Sends the student's console output into a per-case buffer, so it comes
 * back with that case's result instead of interleaving with the grader's.
 */
export function captureConsole(): void {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[method] = (...args: unknown[]) => keep(`${format(...args)}\n`);
  }
}

function keep(text: string): void {
  const intoHead = text.slice(0, Math.max(0, HEAD_CHARS - head.length));
  head += intoHead;
  tail += text.slice(intoHead.length);
  if (tail.length > TAIL_CHARS) {
    dropped += tail.length - TAIL_CHARS;
    tail = tail.slice(-TAIL_CHARS);
  }
}

/** The output printed since the last call, and clears it. */
export function takeOutput(): string | undefined {
  const out = dropped ? `${head}… (${dropped} characters not shown) …\n${tail}` : head + tail;
  head = '';
  tail = '';
  dropped = 0;
  return out ? out.trimEnd() : undefined;
}
