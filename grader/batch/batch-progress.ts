/** What a TA sees while a batch runs: a bar with counts, rate and ETA on a terminal, one line per submission elsewhere (CI logs). */
import cliProgress from 'cli-progress';

export interface BatchProgress {
  /** `total` submissions to grade now (those kept from an earlier run are not counted). */
  start(total: number): void;
  /** One submission finished: `line` says who and how it went. */
  done(line: string): void;
  stop(): void;
}

type Stream = Pick<NodeJS.WriteStream, 'isTTY' | 'write'>;

export function batchProgress(stream: Stream): BatchProgress {
  return stream.isTTY ? bar(stream as NodeJS.WriteStream) : lines(stream);
}

function bar(stream: NodeJS.WriteStream): BatchProgress {
  const started = performance.now();
  const b = new cliProgress.SingleBar(
    { stream, format: 'grading |{bar}| {value}/{total} | {rate}/min | ETA {eta_formatted} | {last}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const rate = (n: number) => (n / ((performance.now() - started) / 60_000)).toFixed(1);
  let n = 0;
  return {
    start: (total) => b.start(total, 0, { rate: '-', last: '' }),
    done(line) {
      b.increment(1, { rate: rate(++n), last: line.slice(0, 60) });
    },
    stop: () => b.stop(),
  };
}

/** Plain lines, flushed as each submission ends: a log that a killed batch leaves is complete up to the kill. */
function lines(stream: Stream): BatchProgress {
  let total = 0;
  let n = 0;
  return {
    start(t) {
      total = t;
    },
    done(line) {
      stream.write(`[${++n}/${total}] ${line}\n`);
    },
    stop: () => undefined,
  };
}
