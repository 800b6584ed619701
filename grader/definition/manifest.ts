import type { JsonValue, Params } from './generator.ts';

/** The version of manifest.json (and of solutions/<hw>/hidden-cases.json) this grader reads. */
export const MANIFEST_VERSION = 2;

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
  /** A comparator's name (grader/judge/comparators) or `property`. */
  comparator: string;
  tolerance?: string;
  /** Compare with the reference output (default) or the generator's ground truth. */
  against?: 'reference' | 'truth';
  /** For `property`: the name in solutions/<hw>/properties.ts. */
  property?: string;
  /** The comparator's or property's options, checked against its options schema when the assignment loads. */
  options?: { [key: string]: JsonValue };
}

/** What a part's cases share unless a case says otherwise. */
export interface CaseDefaults {
  generator?: string;
  checks?: CheckSpec[];
  /** When a check fails: the name in solutions/<hw>/properties.ts `diagnoses` that says which known bug it looks like. */
  diagnosis?: string;
}

/** A case as a manifest (public) or solutions/<hw>/hidden-cases.json (hidden) declares it. */
export interface CaseDecl extends CaseDefaults {
  id: string;
  /** What the case tests, shown beside its result. */
  title?: string;
  seed: number;
  params?: Params;
  timeLimitMs?: number;
  weight?: number;
}

export interface PartDecl {
  /** The name of the graded export. */
  id: string;
  name: string;
  points: number;
  defaults?: CaseDefaults;
  /** The public cases; hidden ones are declared in solutions/<hw>/hidden-cases.json. */
  cases: CaseDecl[];
}

export interface StaticCheckSpec {
  /** A rule's name (grader/static/rules.ts). */
  rule: string;
  /** The exports the rule applies to. */
  functions: string[];
  /** Call names, e.g. `tf.grad`, `tf.train.*`. */
  calls: string[];
  reason: string;
}

/** assignments/<hw>/manifest.json: what a student's copy holds. */
export interface ManifestFile {
  $schema?: string;
  schemaVersion: number;
  id: string;
  title: string;
  entry: string;
  timeLimitMs: number;
  tolerances: { [name: string]: Tolerance };
  staticChecks?: StaticCheckSpec[];
  parts: PartDecl[];
}

/** solutions/<hw>/hidden-cases.json: the hidden cases, by part; never shipped to students. */
export interface HiddenCasesFile {
  $schema?: string;
  schemaVersion: number;
  assignment: string;
  parts: { [partId: string]: CaseDecl[] };
}

/** A place in a definition file, for errors: `file: /json/pointer`. */
export interface Where {
  file: string;
  pointer: string;
}

/** A case with its part's defaults applied: what the grader and the fixture maker use. */
export interface CaseSpec {
  id: string;
  visibility: Visibility;
  title?: string;
  seed: number;
  generator: string;
  params: Params;
  checks: CheckSpec[];
  diagnosis?: string;
  timeLimitMs?: number;
  weight?: number;
  /** Where the case and its checks are declared (its checks may come from the part's defaults). */
  at?: { case: Where; checks: Where };
}

export interface PartSpec {
  id: string;
  name: string;
  points: number;
  /** Public cases, then hidden ones when this copy has their declarations. */
  cases: CaseSpec[];
}

/** The manifest resolved: defaults applied, hidden cases merged in where available. */
export interface Manifest extends Omit<ManifestFile, 'parts' | '$schema'> {
  parts: PartSpec[];
}

/** A manifest together with where its files live. */
export interface Assignment {
  manifest: Manifest;
  /** Short name, e.g. `hw1`. */
  short: string;
  dir: string;
  solutionDir: string;
  fixturesDir: string;
  /** Whether this copy holds the hidden case declarations (not in a student's copy). */
  hiddenDeclared: boolean;
}
