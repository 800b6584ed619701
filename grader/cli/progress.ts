/** A one-line progress display on a terminal: which part and case grading is on, once it has run longer than a moment. */

export interface Progress {
  update(text: string): void;
  /** Clears the line, so the report starts on a clean one. */
  done(): void;
}

const CLEAR = '\r\x1b[K';

/** Nothing is drawn off a terminal (a pipe, a file, CI logs) or before `delayMs`: a quick grading run prints only its report. */
export function progressLine(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>, delayMs = 1500): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let current = '';
  let shown = false;
  const draw = () => {
    shown = true;
    stream.write(`${CLEAR}${current}`);
  };
  const timer = setTimeout(() => current && draw(), delayMs);
  timer.unref();
  return {
    update(text) {
      current = text;
      if (shown) draw();
    },
    done() {
      clearTimeout(timer);
      if (shown) stream.write(CLEAR);
    },
  };
}
