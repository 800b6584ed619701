import type * as tfjs from '@tensorflow/tfjs';

/** JSON as written in a manifest. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Marks an argument the student process turns into an `Rng` seeded with `seed`. */
export interface RngSpec {
  readonly rngSeed: number;
}

/** A value a generator builds and the reference solution consumes or returns. */
export type CaseValue =
  | tfjs.Tensor
  | number
  | string
  | boolean
  | null
  | RngSpec
  | CaseValue[]
  | { [key: string]: CaseValue };

export interface GeneratorContext {
  /** seedrandom stream for this case: uniform in [0, 1). */
  random: () => number;
  /** An integer seed drawn from `random`, for seeded tfjs ops and `Rng`s. */
  seed: () => number;
  /** TensorFlow.js on the deterministic cpu backend. */
  tf: typeof tfjs;
  /** Refuses these draws (a knife edge); the fixture maker retries with the next derived seed. */
  reject: (reason: string) => never;
}

export interface GeneratedInputs {
  /** Positional arguments of the graded export. */
  args: CaseValue[];
  /** Ground truth a check may compare against instead of the reference output. */
  truth?: CaseValue;
}

export type Generator = (params: { [key: string]: JsonValue }, ctx: GeneratorContext) => GeneratedInputs;

/** What `solutions/<hw>/cases.ts` exports. */
export type GeneratorTable = { [name: string]: Generator };
