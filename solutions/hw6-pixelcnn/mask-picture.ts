/** Text pictures of a wrong causal mask: the first wrong (in, out) channel pair, expected beside returned. */
import { CHANNEL_GROUPS } from './raster-names.ts';

type Shape = number[];
type Region = 'past' | 'centre' | 'right' | 'below';

/** Where tap (r, s) lies relative to the centre of a kh x kw kernel. */
const regionOf = (r: number, s: number, kh: number, kw: number): Region => {
  const [ci, cj] = [Math.floor(kh / 2), Math.floor(kw / 2)];
  if (r > ci) return 'below';
  if (r < ci || s < cj) return 'past';
  return s === cj ? 'centre' : 'right';
};

const HINTS: { [region in Region]: (groups: number) => string } = {
  past: () => 'every row above the centre, and the columns left of the centre in the centre row, are 1',
  right: () => 'in the centre row, the columns right of the centre are 0',
  below: () => 'the rows below the centre are 0 (rows count from the top: the centre row is floor(kh/2))',
  centre: (groups) =>
    groups === 1
      ? 'the centre tap: type B keeps it, type A drops it'
      : "the centre tap: output group g sees input group g' when g' < g (type A) or g' <= g (type B); the groups are contiguous blocks of inC/3 and outC/3 channels (R first)",
};

const channel = (c: number, count: number, groups: number): string =>
  groups === 3 ? `${c} (${CHANNEL_GROUPS[Math.floor(c / (count / 3))]})` : String(c);

/** The picture of the first (in, out) pair where `got` and `want` differ, or undefined when they agree everywhere. */
export function drawMaskDifference(got: ArrayLike<number>, want: ArrayLike<number>, shape: Shape, type: string, groups: number): string | undefined {
  const [kh, kw, inC, outC] = shape;
  const at = (r: number, s: number, i: number, o: number) => ((r * kw + s) * inC + i) * outC + o;
  const wrongPairs: [number, number][] = [];
  const regions = new Set<Region>();
  for (let i = 0; i < inC; i++) {
    for (let o = 0; o < outC; o++) {
      let wrong = false;
      for (let r = 0; r < kh; r++) {
        for (let s = 0; s < kw; s++) {
          if (got[at(r, s, i, o)] === want[at(r, s, i, o)]) continue;
          wrong = true;
          regions.add(regionOf(r, s, kh, kw));
        }
      }
      if (wrong) wrongPairs.push([i, o]);
    }
  }
  if (!wrongPairs.length) return undefined;
  const [i, o] = wrongPairs[0];
  const width = Math.max(3 * kw, 'expected'.length);
  const cell = (v: number) => (v === 1 ? '1' : v === 0 ? '.' : String(v));
  const rows = Array.from({ length: kh }, (_, r) => {
    const expected = Array.from({ length: kw }, (_, s) => ` ${cell(want[at(r, s, i, o)])} `).join('');
    const returned = Array.from({ length: kw }, (_, s) => {
      const [g, w] = [got[at(r, s, i, o)], want[at(r, s, i, o)]];
      return g === w ? ` ${cell(g)} ` : `[${cell(g)}]`;
    }).join('');
    return `  ${expected.padEnd(width)}    ${returned}`.trimEnd();
  });
  return [
    `${wrongPairs.length} of ${inC * outC} (in, out) channel pairs are wrong; the first, input channel ${channel(i, inC, groups)} -> output channel ${channel(o, outC, groups)} ` +
      `(${kh}x${kw}, type ${type}, groups ${groups}; 1 = tap used, . = masked out, [ ] = differs):`,
    `  ${'expected'.padEnd(width)}    returned`,
    ...rows,
    ...[...regions].map((region) => `hint: ${HINTS[region](groups)}`),
  ].join('\n');
}
