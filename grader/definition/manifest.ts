import type { Observation } from '../../harness/protocol/messages.ts';
import type { JsonValue } from './generator.ts';

/** The version of manifest.json this grader reads. */
export const MANIFEST_VERSION = 1;

export type Visibility = 'public' | 'hidden';

/** `|a - b| <= atol * max(1, max|b|) + rtol * |b|` unless `scaleAtol` is false. */
export interface Tolerance {
  rtol: number;
  atol: number;
  scaleAtol?: boolean;
  /** Why these numbers: the measured cpu/wasm error behind them. */
  why: string;
}

export interface CheckSpec {
  /** Dot path into the output (`centers`, `grads.We`); omitted for the whole output. */
  path?: string;
  /** A comparator name (`allclose`, `equal`, `permutation`, `nonIncreasing`, `scalar`, `subspace`) or `property`. */
  comparator: string;
  tolerance?: string;
  /** Compare with the reference output (default) or the generator's ground truth. */
  against?: 'reference' | 'truth';
  /** For `property`: the name in solutions/<hw>/properties.ts. */
  property?: string;
  options?: { [key: string]: JsonValue };
}

export interface CaseSpec {
  id: string;
  visibility: Visibility;
  /** What the case tests, shown beside its result. */
  title?: string;
  seed: number;
  generator: string;
  params: { [key: string]: JsonValue };
  checks: CheckSpec[];
  /** When a check fails: the name in solutions/<hw>/properties.ts `diagnoses` that says which known bug it looks like. */
  diagnosis?: string;
  timeLimitMs?: number;
  weight?: number;
  /** Observe something other than the return value (the gradient through the export); the fixture's expected value is the reference's. */
  observe?: Observation;
}

export interface PartSpec {
  /** The name of the graded export. */
  id: string;
  name: string;
  points: number;
  cases: CaseSpec[];
}

export interface StaticCheckSpec {
  rule: 'bannedCalls';
  /** The exports the rule applies to. */
  functions: string[];
  /** Call names, e.g. `tf.grad`, `tf.train.*`. */
  calls: string[];
  reason: string;
}

export interface Manifest {
  schemaVersion: number;
  id: string;
  title: string;
  entry: string;
  timeLimitMs: number;
  tolerances: { [name: string]: Tolerance };
  staticChecks?: StaticCheckSpec[];
  parts: PartSpec[];
}

/** A manifest together with where it lives. */
export interface Assignment {
  manifest: Manifest;
  /** Short name, e.g. `hw1`. */
  short: string;
  dir: string;
  solutionDir: string;
  fixturesDir: string;
}
