import { format } from 'node:util';

/** What one case may print before the rest is cut: a report line, not a log file. */
const MAX_CHARS = 4000;

let buffer = '';
let dropped = 0;

/**
 * Sends the student's console output into a per-case buffer, so it comes
 * back with that case's result instead of interleaving with the grader's.
 */
export function captureConsole(): void {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[method] = (...args: unknown[]) => {
      const line = `${format(...args)}\n`;
      const room = MAX_CHARS - buffer.length;
      buffer += line.slice(0, Math.max(0, room));
      dropped += Math.max(0, line.length - room);
    };
  }
}

/** The output printed since the last call, and clears it. */
export function takeOutput(): string | undefined {
  const out = buffer + (dropped ? `… (${dropped} more characters not shown)\n` : '');
  buffer = '';
  dropped = 0;
  return out ? out.trimEnd() : undefined;
}
