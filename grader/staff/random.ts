/** Seeded draws for case generators: only the case's seedrandom stream is read, so a seed fixes the bytes. */

/** `count` uniform draws in `[lo, hi)`. */
export function uniforms(random: () => number, count: number, lo = 0, hi = 1): number[] {
  return Array.from({ length: count }, () => lo + (hi - lo) * random());
}

/** `count` normal draws with mean 0 and standard deviation `scale` (Box-Muller, one pair of uniforms per draw). */
export function normals(random: () => number, count: number, scale = 1): number[] {
  return Array.from({ length: count }, () => {
    const u = 1 - random(); // in (0, 1]: the log stays finite
    return scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  });
}
