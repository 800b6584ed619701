/**
 * A case's time limit follows from the reference's own time on it, measured
 * when the fixture is made (on the cpu backend, the slowest a student may
 * get), so that a hang costs seconds, not the manifest's worst case.
 */

/** A correct student may be this many times slower than the reference (JS loops over dataSync, another algebra). */
export const LIMIT_FACTOR = 10;
/** No case gets less: process scheduling on a busy machine and the first call's warm-up of tfjs kernels. */
export const LIMIT_FLOOR_MS = 3000;
/**
 * After a function has timed out once, its other cases get this factor and
 * floor instead: a hung function then costs about one full limit, not one per
 * case, while a working one still finishes (the reference takes milliseconds).
 */
export const SHORT_FACTOR = 3;
export const SHORT_FLOOR_MS = 500;

/** Below this a measurement is noise (timer, scheduling); every limit from it is the floor anyway. */
const MIN_RECORDED_MS = 64;
/** How much slower than its record a new measurement must be to replace it: the same case timed 4x apart on a loaded machine. */
const KEEP_WITHIN = 8;

/**
 * The measured time as recorded: at least 64 ms, rounded up to a power of
 * two. A previous record is kept unless the reference became much slower
 * (its limit must then grow): a faster run only makes the record generous,
 * and keeping it makes regenerated fixtures the same bytes however loaded
 * the machine that regenerates them.
 */
export function recordedReferenceMs(measuredMs: number, previousMs?: number): number {
  if (previousMs !== undefined && measuredMs <= previousMs * KEEP_WITHIN) return previousMs;
  return 2 ** Math.ceil(Math.log2(Math.max(MIN_RECORDED_MS, measuredMs)));
}

/** The case's limit: the reference's time times the factor, at least the floor, at most the manifest's limit. */
export function limitFromReference(referenceMs: number, capMs: number): number {
  return Math.min(capMs, Math.max(LIMIT_FLOOR_MS, Math.ceil((referenceMs * LIMIT_FACTOR) / 1000) * 1000));
}

/** The limit of a case whose function already timed out on an earlier case. */
export function shortLimit(referenceMs: number | undefined, limitMs: number): number {
  return Math.min(limitMs, Math.max(SHORT_FLOOR_MS, (referenceMs ?? 0) * SHORT_FACTOR));
}
