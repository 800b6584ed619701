/**
 * Frames on the pipes between the grader and the student process: a
 * fixed-width ASCII header (a 32-character token, then the body's byte length
 * in 10 digits), then that many bytes of JSON. The token is a secret the
 * grader hands the harness before student code loads: a frame that student
 * code writes straight to the descriptor cannot carry it.
 */
export const TOKEN_CHARS = 32;
const LENGTH_DIGITS = 10;
export const HEADER_BYTES = TOKEN_CHARS + LENGTH_DIGITS;

/** Largest frame either side accepts: far above any assignment's outputs (a few MB), far below the memory cap. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** Frames from the grader need no secret: the student process believes the grader anyway. */
export const GRADER_TOKEN = '0'.repeat(TOKEN_CHARS);

/** The header of a frame; only operators, no methods, since the child calls it after student code may have replaced some. */
export function frameHeader(token: string, bodyBytes: number): string {
  let digits = '' + bodyBytes;
  while (digits.length < LENGTH_DIGITS) digits = '0' + digits;
  return token + digits;
}

/** The byte stream is not a sequence of well-formed frames from the holder of the token. */
export class FrameError extends Error {
  readonly code = 'FRAME';
}

/** Splits a byte stream into frame bodies (JSON text), checking each header before buffering its body. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);
  private bodyBytes?: number;

  constructor(
    private readonly token: string,
    private readonly maxBytes = MAX_FRAME_BYTES,
  ) {}

  /** The bodies completed by this chunk; throws FrameError on a bad token, a malformed or oversized length. */
  push(chunk: Buffer): string[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const bodies: string[] = [];
    for (;;) {
      if (this.bodyBytes === undefined) {
        if (this.pending.length < HEADER_BYTES) return bodies;
        this.bodyBytes = this.readHeader(this.pending.subarray(0, HEADER_BYTES).toString('latin1'));
        this.pending = this.pending.subarray(HEADER_BYTES);
      }
      if (this.pending.length < this.bodyBytes) return bodies;
      bodies.push(this.pending.subarray(0, this.bodyBytes).toString('utf8'));
      this.pending = this.pending.subarray(this.bodyBytes);
      this.bodyBytes = undefined;
    }
  }

  private readHeader(header: string): number {
    if (header.slice(0, TOKEN_CHARS) !== this.token) throw new FrameError('a frame without the channel token (something other than the harness wrote to the channel)');
    const digits = header.slice(TOKEN_CHARS);
    if (!/^\d{10}$/.test(digits)) throw new FrameError('a frame with a malformed length');
    const n = Number(digits);
    if (n > this.maxBytes) throw new FrameError(`a frame of ${n} bytes (at most ${this.maxBytes})`);
    return n;
  }
}
