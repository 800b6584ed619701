import type * as tfjs from '@tensorflow/tfjs';
import type { SchemaObject } from 'ajv';
import type { CheckDetail } from '../results/results.ts';
import type { CaseValue, JsonValue } from './generator.ts';
import type { Tolerance } from './manifest.ts';

/** The outcome of one check. */
export interface Verdict {
  pass: boolean;
  /** What the student reads: what was expected, what came back, where, by how much. */
  message: string;
  /** The same as data, for reporters that draw or tabulate it. */
  detail?: CheckDetail;
}

export interface PropertyContext<O = { [key: string]: JsonValue }> {
  /** TensorFlow.js on the grader's cpu backend: properties run in the grader, never beside student code. */
  tf: typeof tfjs;
  /** The case's arguments, as the fixture stores them (tensors rebuilt). */
  args: CaseValue[];
  /** The reference solution's output for the same arguments. */
  expected: CaseValue;
  /** The generator's ground truth, when it made one. */
  truth?: CaseValue;
  /** The check's named tolerance from the manifest, when it names one. */
  tolerance?: Tolerance;
  /** The check's options, validated against the property's options schema when the assignment loads. */
  options: O;
}

/**
 * A graded property judged from what the student's process returned (its
 * output rebuilt as tensors on the grader's side), e.g. "the trained RBM beats
 * its initial log-likelihood by a margin".
 */
export interface Property {
  /** JSON schema of the options a check may give the property. */
  options: SchemaObject;
  judge(actual: CaseValue, ctx: PropertyContext): Verdict | Promise<Verdict>;
}

/** What `solutions/<hw>/properties.ts` exports as `properties`. */
export type PropertyTable = { [name: string]: Property };

/**
 * Runs after a case failed: recomputes known bugs on the case's inputs and
 * says which one the output looks like (`ctx.tolerance` is the failed check's).
 */
export type Diagnosis = (actual: CaseValue, ctx: PropertyContext) => string | undefined | Promise<string | undefined>;

/** What `solutions/<hw>/properties.ts` exports as `diagnoses`. */
export type DiagnosisTable = { [name: string]: Diagnosis };
