/**
 * A diagnosis as data: rules computed from the case's inputs when its fixture
 * is made, stored in the fixture, and matched by the grader against what the
 * student returned. The student's copy then names known bugs without shipping
 * the staff code (the reference solution) that computed them.
 */
import type { WireValue } from '../../harness/protocol/values.ts';
import type { CaseValue } from './generator.ts';
import type { PropertyContext } from './property.ts';

/** Conditions on the output alone, read in the order the rules are written. */
export type OutputCondition =
  /** The output is not a plain number. */
  | 'not-number'
  /** The output (or a checked field) is not a tensor. */
  | 'not-tensor'
  /** A checked field has another kind, dtype or shape than expected. */
  | 'wrong-form'
  /** A checked value holds NaN or an infinity. */
  | 'non-finite'
  /** The output is NaN. */
  | 'nan'
  /** The output is a number above 0. */
  | 'positive'
  /** The output is a number above / below the expected one. */
  | 'above'
  | 'below'
  /** Always holds: the last word. */
  | 'otherwise';

export type DiagnosisRule<V = CaseValue> =
  | { when: OutputCondition; say: string }
  /** A known bug's output on this case: it holds when every value check of the case passes against `value` (each with its own tolerance). */
  | { when: 'matches'; value: V; say: string }
  /** Exactly these checked paths fail, the others pass. */
  | { when: 'only-differs'; paths: string[]; say: string };

/** As stored in a fixture. */
export type StoredDiagnosisRule = DiagnosisRule<WireValue>;

/** What a diagnosis is given at fixture time: the case's inputs and the reference output, as tensors. */
export type DiagnosisContext = Pick<PropertyContext, 'tf' | 'args' | 'expected' | 'truth'>;

/** A diagnosis written as rules, made once per case at fixture time. */
export interface RuleDiagnosis {
  kind: 'rules';
  rules(ctx: DiagnosisContext): DiagnosisRule[];
}
