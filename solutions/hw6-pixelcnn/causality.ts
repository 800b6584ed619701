/** Causality of a PixelCNN judged from observations: logits of a base image and of copies that each differ at one input value. */
import type * as tfjs from '@tensorflow/tfjs';
import { isClose, type Tolerance, type Verdict } from '../../grader/staff/api.ts';
import { position } from './raster-names.ts';

/** The mask rule that the violations break, judged by the farthest kind among them. */
const ruleBroken = (violations: { out: number; inp: number }[], W: number, C: number): string => {
  const row = (at: number) => Math.floor(at / (W * C));
  const pixel = (at: number) => Math.floor(at / C);
  if (violations.some(({ out, inp }) => row(inp) > row(out))) return 'rows below the centre must be masked out';
  if (violations.some(({ out, inp }) => pixel(inp) > pixel(out))) return 'in the centre row, only the columns left of the centre may be used';
  if (violations.some(({ out, inp }) => inp === out)) {
    return 'an output sees the very value it predicts: layer 0 must be type A (no centre tap from a group to itself), and with groups 3 the groups must be contiguous blocks of channels';
  }
  return "at the centre tap, output group g may see input group g' < g (type A) or g' <= g (type B), with contiguous groups of inC/3 and outC/3 channels";
};

/**
 * Copy `p` of x (p >= 1) differs from the base x[0] at one input value; every output at or before that value
 * in raster order must keep its K logits (within `tolerance`). Names the first violating (output, input)
 * pair, outputs first, in raster order. The blind spot is allowed: dependence on the past is not asked for.
 */
export function judgeCausality(logits: tfjs.Tensor5D, x: tfjs.Tensor4D, tolerance: Tolerance): Verdict {
  const [N, H, W, C] = x.shape;
  const K = logits.shape[4];
  const [D, xs, L] = [H * W * C, x.dataSync(), logits.dataSync()];
  // Outputs 0..inp of one image are one contiguous run of (inp + 1) * K logits.
  const logitsOf = (p: number, from: number, to: number) => Array.from(L.subarray((p * D + from) * K, (p * D + to) * K));
  const violations: { out: number; inp: number; by: number }[] = [];
  let pairs = 0;
  for (let p = 1; p < N; p++) {
    const inp = Array.from({ length: D }, (_, at) => at).find((at) => xs[p * D + at] !== xs[at]);
    if (inp === undefined) continue;
    pairs += inp + 1;
    if (isClose(logitsOf(p, 0, inp + 1), logitsOf(0, 0, inp + 1), tolerance)) continue;
    for (let out = 0; out <= inp; out++) {
      const [moved, base] = [logitsOf(p, out, out + 1), logitsOf(0, out, out + 1)];
      if (!isClose(moved, base, tolerance)) violations.push({ out, inp, by: Math.max(...moved.map((v, k) => Math.abs(v - base[k]))) });
    }
  }
  if (!violations.length) return { pass: true, message: `no output depends on its own or a later input (${pairs} (output, input) pairs checked, changing one input value of a base image at a time)` };
  const { out, inp, by } = violations.reduce((a, b) => (b.out < a.out || (b.out === a.out && b.inp < a.inp) ? b : a));
  return {
    pass: false,
    message:
      `the logits of ${position(out, W, C)} depend on input ${position(inp, W, C)} (they moved by up to ${by.toPrecision(3)} when only that input changed); ` +
      'an output may depend only on inputs before it in raster order (rows above; pixels to its left in its row; earlier channels of its own pixel). ' +
      `${violations.length} of the ${pairs} (output, input) pairs checked, with the input at or after the output, show such a dependence. Hint: ${ruleBroken(violations, W, C)}`,
  };
}
