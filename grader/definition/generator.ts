import type * as tfjs from '@tensorflow/tfjs';
import type { SchemaObject } from 'ajv';

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

/** A case's `params` as the manifest writes them. */
export type Params = { [key: string]: JsonValue };

/**
 * A named way to build a case's arguments. `params` is the JSON schema of the
 * params a case may give it: the grader checks every case against it when the
 * assignment loads, so a typo in a manifest is an error before anything runs.
 */
export interface Generator {
  params: SchemaObject;
  generate(params: Params, ctx: GeneratorContext): GeneratedInputs;
}

/** What `solutions/<hw>/cases.ts` exports as `generators`. */
export type GeneratorTable = { [name: string]: Generator };
