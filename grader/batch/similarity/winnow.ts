/**
 * Winnowing (Schleimer, Wilkerson and Aiken, 2003; what MOSS does): hash
 * every k tokens in a row, then keep the smallest hash of each window of w
 * consecutive hashes. Any match of at least k + w - 1 tokens shares a kept
 * hash, and the kept set is a fraction of all hashes.
 */

/** 12 tokens is about one statement: shorter runs (`tf.tidy(() => {`) are common to everyone. */
const K = 12;
/** Guarantees a shared fingerprint for any common run of K + W - 1 = 16 tokens. */
const W = 5;

/** The winnowed fingerprints of a token stream: K-token hashes, the smallest of each W in a row. */
export function fingerprints(tokens: string[]): Set<number> {
  const hashes: number[] = [];
  for (let i = 0; i + K <= tokens.length; i++) hashes.push(fnv1a(tokens.slice(i, i + K).join('\u0000')));
  const kept = new Set<number>();
  if (hashes.length && hashes.length < W) kept.add(Math.min(...hashes));
  for (let i = 0; i + W <= hashes.length; i++) kept.add(Math.min(...hashes.slice(i, i + W)));
  return kept;
}

/** 32-bit FNV-1a: fast, stable across runs and machines (unlike a seeded hash). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
