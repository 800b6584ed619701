/** Input generators for hw1's cases; knife-edge draws are refused so correct float32 code cannot disagree. */
import type { JSONSchemaType } from 'ajv';
import { defineGenerator, uniforms, type GeneratorContext, type GeneratorTable } from '../../grader/staff/api.ts';
import { distinctRows, gaussian, makeData, pickRows, sqDist, type Layout, type Matrix } from './data.ts';

/** What every hw1 generator reads: a data layout of `n` rows in `d` dimensions and `k` centers. */
interface Data {
  layout: Layout;
  n: number;
  d: number;
  k: number;
  /** Moves the last center far from all data: its cluster is empty. */
  farCenter?: boolean;
  /** At least this many rows are exactly as near to two centers (in the first assignment): the smallest index must decide. */
  ties?: number;
}

const dataProps = {
  layout: { type: 'string', enum: ['blobs', 'grid', 'duplicates'] },
  n: { type: 'integer', minimum: 1 },
  d: { type: 'integer', minimum: 1 },
  k: { type: 'integer', minimum: 1 },
  farCenter: { type: 'boolean', nullable: true },
  ties: { type: 'integer', minimum: 1, nullable: true },
} as const;

const dataSchema: JSONSchemaType<Data> = { type: 'object', properties: dataProps, required: ['layout', 'n', 'd', 'k'], additionalProperties: false };

type Params = Data;

const EDGE = 1e-4;

function dataOf(p: Params, ctx: GeneratorContext) {
  const { X, truth } = makeData(p.layout, p.n, p.d, p.k, ctx.random);
  if (distinctRows(X) < p.k) ctx.reject(`fewer than k = ${p.k} distinct rows`);
  return { X, truth };
}

/**
 * Centers: random rows of X moved a little (`nearRows`: by about 1e-5, so some
 * distances are nearly 0), or (layout grid) integer points, or one center far
 * from all data (an empty cluster).
 */
function centersOf(p: Params & { nearRows?: boolean }, X: Matrix, ctx: GeneratorContext): Matrix {
  const { k } = p;
  if (p.layout === 'grid') return Array.from({ length: k }, () => X[0].map(() => Math.floor(ctx.random() * 5)));
  const spread = p.nearRows ? 1e-5 : 0.1;
  const C = pickRows(X.length, k, ctx.random).map((i) => X[i].map((x) => x + spread * gaussian(ctx.random)));
  if (p.farCenter) C[k - 1] = C[k - 1].map(() => 100);
  return C;
}

/**
 * True when every float32 formula for ||x - c||^2 (direct, or ||x||^2 - 2 x.c + ||c||^2,
 * summed in any order) is exact: coordinates below 8 on a 1/64 grid make every product
 * and sum a multiple of 1/4096 with fewer than 24 significant bits. Only then is an
 * exact tie a tie for every correct implementation; an exact float64 tie between,
 * say, centers at thirds is decided by rounding, differently by each formula.
 */
function exactlyComputable(...rows: number[][]): boolean {
  return rows.every((r) => r.every((v) => Number.isInteger(v * 64) && Math.abs(v) < 8));
}

/**
 * Refuses distances whose best and second best differ by a hair, and exact ties
 * that float32 rounding could break (exact ties of exactly computable distances
 * are fine: the rule decides them). Returns the labels and how many rows tie.
 */
function gapsAndTies(X: Matrix, C: Matrix, ctx: GeneratorContext): { labels: number[]; tied: number } {
  let tied = 0;
  const labels = X.map((x, i) => {
    const D = C.map((c) => sqDist(x, c));
    const best = Math.min(...D);
    // Relative to ||x||^2 + ||c||^2 too: the expanded formula rounds at that scale, not at the distance's.
    const scale = (j: number) => Math.max(1, best, sqDist(x, x.map(() => 0)) + sqDist(C[j], C[j].map(() => 0)));
    D.forEach((v, j) => {
      if (v !== best && v - best < EDGE * scale(j)) ctx.reject(`row ${i}: near tie ${best} vs ${v}`);
    });
    const tiedWith = C.filter((_, j) => D[j] === best);
    if (tiedWith.length > 1) {
      if (!exactlyComputable(x, ...tiedWith)) ctx.reject(`row ${i}: an exact tie at ${best} that float32 rounding could break`);
      tied++;
    }
    return D.indexOf(best);
  });
  return { labels, tied };
}

function checkGaps(X: Matrix, C: Matrix, ctx: GeneratorContext): number[] {
  return gapsAndTies(X, C, ctx).labels;
}

/** Refuses a draw with fewer than `ties` rows tied exactly between their nearest centers. */
function checkTies(p: Params, X: Matrix, C: Matrix, ctx: GeneratorContext): void {
  const { tied } = gapsAndTies(X, C, ctx);
  if (p.ties !== undefined && tied < p.ties) ctx.reject(`only ${tied} rows tie, fewer than ${p.ties}`);
}

/** Follows Lloyd's iterations in float64 and refuses near ties and near-tol stopping decisions. */
/** Lloyd's iterations on plain numbers, refusing knife edges; returns how many iterations run before stopping. */
function checkLloyd(X: Matrix, C0: Matrix, maxIters: number, tol: number, ctx: GeneratorContext): number {
  let C = C0;
  let prev = Infinity;
  for (let t = 0; t < maxIters; t++) {
    const labels = checkGaps(X, C, ctx);
    C = C.map((c, j) => {
      const rows = X.filter((_, i) => labels[i] === j);
      return rows.length ? c.map((_, q) => rows.reduce((s, r) => s + r[q], 0) / rows.length) : c;
    });
    const F = X.reduce((s, x, i) => s + sqDist(x, C[labels[i]]), 0);
    const drop = prev - F;
    if (drop !== 0 && Math.abs(drop - tol) < EDGE * Math.max(1, F)) ctx.reject(`iteration ${t}: F dropped by ${drop}, too close to tol ${tol}`);
    if (drop <= tol) return t + 1;
    prev = F;
  }
  return maxIters;
}

/** Refuses uniforms within EDGE of a cumulative-probability step of k-means++. */
function checkPlusPlus(X: Matrix, u: number[], ctx: GeneratorContext): void {
  const n = X.length;
  const frac = u[0] * n - Math.floor(u[0] * n);
  if (frac < EDGE || frac > 1 - EDGE) ctx.reject('u[0] * n is within 1e-4 of an integer');
  const chosen = [Math.floor(u[0] * n)];
  for (let t = 1; t < u.length; t++) {
    const D = X.map((x) => Math.min(...chosen.map((c) => sqDist(x, X[c]))));
    const total = D.reduce((a, b) => a + b, 0);
    let cum = 0;
    let pick = -1;
    D.forEach((v, i) => {
      cum += v / total;
      if (v > 0 && Math.abs(cum - u[t]) < EDGE) ctx.reject(`u[${t}] is within 1e-4 of a cumulative step`);
      if (pick < 0 && cum > u[t]) pick = i;
    });
    chosen.push(pick);
  }
}

const tensor2d = (ctx: GeneratorContext, M: Matrix) => ctx.tf.tensor2d(M, [M.length, M[0].length], 'float32');
const labels1d = (ctx: GeneratorContext, l: number[]) => ctx.tf.tensor1d(l, 'int32');

/** Sizes of a k-means case: only their edge values and equalities are kinds of input (see grader/authoring/case-kinds.ts). */
const DATA_SIZES = ['n', 'd', 'k'] as const;

/** How many entries of ||x||^2 - 2 x.c + ||c||^2, unclamped, float32 rounds below 0 (on the grader's cpu backend). */
function expandedNegatives(ctx: GeneratorContext, X: Matrix, C: Matrix): number {
  const { tf } = ctx;
  const D = tf.tidy(() => {
    const [x, c] = [tensor2d(ctx, X), tensor2d(ctx, C)];
    const xx = tf.sum(tf.square(x), 1, true);
    const cc = tf.transpose(tf.sum(tf.square(c), 1, true));
    return tf.add(tf.sub(xx, tf.mul(2, tf.matMul(x, c, false, true))), cc);
  });
  const negatives = Array.from(D.dataSync()).filter((v) => v < 0).length;
  D.dispose();
  return negatives;
}

export const generators: GeneratorTable = {
  /** `nearRows` puts every center within about 1e-5 of a row, and insists that the unclamped expanded formula goes negative there. */
  distances: defineGenerator<Data & { nearRows?: boolean }>({
    params: {
      type: 'object',
      properties: { ...dataProps, nearRows: { type: 'boolean', nullable: true } },
      required: ['layout', 'n', 'd', 'k'],
      additionalProperties: false,
    },
    sizes: DATA_SIZES,
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      const C = centersOf(p, X, ctx);
      if (p.nearRows && expandedNegatives(ctx, X, C) < 2) ctx.reject('the expanded formula does not go below 0 on these centers');
      return { args: [tensor2d(ctx, X), tensor2d(ctx, C)] };
    },
  }),
  assign: defineGenerator<Data>({
    params: dataSchema,
    sizes: DATA_SIZES,
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      const C = centersOf(p, X, ctx);
      checkTies(p, X, C, ctx);
      return { args: [tensor2d(ctx, X), tensor2d(ctx, C)] };
    },
  }),
  /** Random labels; `empty` lists clusters that get no rows. */
  update: defineGenerator<Data & { empty?: number[] }>({
    sizes: DATA_SIZES,
    params: {
      type: 'object',
      properties: { ...dataProps, empty: { type: 'array', items: { type: 'integer', minimum: 0 }, nullable: true } },
      required: ['layout', 'n', 'd', 'k'],
      additionalProperties: false,
    },
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      const empty = p.empty ?? [];
      const allowed = Array.from({ length: p.k }, (_, j) => j).filter((j) => !empty.includes(j));
      const labels = X.map(() => allowed[Math.floor(ctx.random() * allowed.length)]);
      return { args: [tensor2d(ctx, X), labels1d(ctx, labels), tensor2d(ctx, centersOf(p, X, ctx))] };
    },
  }),
  objective: defineGenerator<Data>({
    params: dataSchema,
    sizes: DATA_SIZES,
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      const C = centersOf(p, X, ctx);
      const labels = X.map(() => Math.floor(ctx.random() * C.length));
      return { args: [tensor2d(ctx, X), tensor2d(ctx, C), labels1d(ctx, labels)] };
    },
  }),
  /** `floorMatters` draws u[0] so that rounding u[0] * n or u[0] * (n - 1) would name another first row than floor(u[0] * n). */
  plusplus: defineGenerator<Data & { floorMatters?: boolean }>({
    params: {
      type: 'object',
      properties: { ...dataProps, floorMatters: { type: 'boolean', nullable: true } },
      required: ['layout', 'n', 'd', 'k'],
      additionalProperties: false,
    },
    sizes: DATA_SIZES,
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      const u = uniforms(ctx.random, p.k);
      const [n, first] = [X.length, Math.floor(u[0] * X.length)];
      if (p.floorMatters && (Math.round(u[0] * n) === first || Math.round(u[0] * (n - 1)) === first)) ctx.reject('rounding u[0] would pick the same first row');
      checkPlusPlus(X, u, ctx);
      return { args: [tensor2d(ctx, X), p.k, ctx.tf.tensor1d(u, 'float32')] };
    },
  }),
  /** `truth` holds the blobs' labels, for checks up to relabelling on well-separated data. */
  kmeans: defineGenerator<Data & { maxIters: number; tol: number }>({
    sizes: [...DATA_SIZES, 'maxIters'],
    params: {
      type: 'object',
      properties: { ...dataProps, maxIters: { type: 'integer', minimum: 1 }, tol: { type: 'number', minimum: 0 } },
      required: ['layout', 'n', 'd', 'k', 'maxIters', 'tol'],
      additionalProperties: false,
    },
    generate(p, ctx) {
      const { X, truth } = dataOf(p, ctx);
      const C0 = centersOf(p, X, ctx);
      checkTies(p, X, C0, ctx);
      const iterations = checkLloyd(X, C0, p.maxIters, p.tol, ctx);
      // A tol that stops no earlier than tol = 0 would not tell an implementation that ignores it.
      if (p.tol > 0 && checkLloyd(X, C0, p.maxIters, 0, ctx) === iterations) ctx.reject(`tol ${p.tol} does not change the stopping iteration (${iterations})`);
      return { args: [tensor2d(ctx, X), tensor2d(ctx, C0), p.maxIters, p.tol], truth: { labels: labels1d(ctx, truth) } };
    },
  }),
};
