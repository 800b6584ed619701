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
}

const dataProps = {
  layout: { type: 'string', enum: ['blobs', 'grid', 'duplicates'] },
  n: { type: 'integer', minimum: 1 },
  d: { type: 'integer', minimum: 1 },
  k: { type: 'integer', minimum: 1 },
  farCenter: { type: 'boolean', nullable: true },
} as const;

const dataSchema: JSONSchemaType<Data> = { type: 'object', properties: dataProps, required: ['layout', 'n', 'd', 'k'], additionalProperties: false };

type Params = Data;

const EDGE = 1e-4;

function dataOf(p: Params, ctx: GeneratorContext) {
  const { X, truth } = makeData(p.layout, p.n, p.d, p.k, ctx.random);
  if (distinctRows(X) < p.k) ctx.reject(`fewer than k = ${p.k} distinct rows`);
  return { X, truth };
}

/** Centers: random rows of X, or (layout grid) integer points, or one center far from all data (an empty cluster). */
function centersOf(p: Params, X: Matrix, ctx: GeneratorContext): Matrix {
  const { k } = p;
  if (p.layout === 'grid') return Array.from({ length: k }, () => X[0].map(() => Math.floor(ctx.random() * 5)));
  const C = pickRows(X.length, k, ctx.random).map((i) => X[i].map((x) => x + 0.1 * gaussian(ctx.random)));
  if (p.farCenter) C[k - 1] = C[k - 1].map(() => 100);
  return C;
}

/** Refuses distances whose best and second best differ by a hair (exact ties are fine: the rule decides them). */
function checkGaps(X: Matrix, C: Matrix, ctx: GeneratorContext): number[] {
  return X.map((x, i) => {
    const D = C.map((c) => sqDist(x, c));
    const best = Math.min(...D);
    for (const v of D) if (v !== best && v - best < EDGE * Math.max(1, best)) ctx.reject(`row ${i}: near tie ${best} vs ${v}`);
    return D.indexOf(best);
  });
}

/** Follows Lloyd's iterations in float64 and refuses near ties and near-tol stopping decisions. */
function checkLloyd(X: Matrix, C0: Matrix, maxIters: number, tol: number, ctx: GeneratorContext): void {
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
    if (drop <= tol) return;
    prev = F;
  }
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

export const generators: GeneratorTable = {
  distances: defineGenerator<Data>({
    params: dataSchema,
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      return { args: [tensor2d(ctx, X), tensor2d(ctx, centersOf(p, X, ctx))] };
    },
  }),
  assign: defineGenerator<Data>({
    params: dataSchema,
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      const C = centersOf(p, X, ctx);
      checkGaps(X, C, ctx);
      return { args: [tensor2d(ctx, X), tensor2d(ctx, C)] };
    },
  }),
  /** Random labels; `empty` lists clusters that get no rows. */
  update: defineGenerator<Data & { empty?: number[] }>({
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
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      const C = centersOf(p, X, ctx);
      const labels = X.map(() => Math.floor(ctx.random() * C.length));
      return { args: [tensor2d(ctx, X), tensor2d(ctx, C), labels1d(ctx, labels)] };
    },
  }),
  plusplus: defineGenerator<Data>({
    params: dataSchema,
    generate(p, ctx) {
      const { X } = dataOf(p, ctx);
      const u = uniforms(ctx.random, p.k);
      checkPlusPlus(X, u, ctx);
      return { args: [tensor2d(ctx, X), p.k, ctx.tf.tensor1d(u, 'float32')] };
    },
  }),
  /** `truth` holds the blobs' labels, for checks up to relabelling on well-separated data. */
  kmeans: defineGenerator<Data & { maxIters: number; tol: number }>({
    params: {
      type: 'object',
      properties: { ...dataProps, maxIters: { type: 'integer', minimum: 1 }, tol: { type: 'number', minimum: 0 } },
      required: ['layout', 'n', 'd', 'k', 'maxIters', 'tol'],
      additionalProperties: false,
    },
    generate(p, ctx) {
      const { X, truth } = dataOf(p, ctx);
      const C0 = centersOf(p, X, ctx);
      checkLloyd(X, C0, p.maxIters, p.tol, ctx);
      return { args: [tensor2d(ctx, X), tensor2d(ctx, C0), p.maxIters, p.tol], truth: { labels: labels1d(ctx, truth) } };
    },
  }),
};
