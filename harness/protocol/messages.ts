import type { WireValue } from './values.ts';

/** Bumped whenever a message changes shape; both sides check it on start-up. */
export const PROTOCOL_VERSION = 3;

/** Caps on the text a message carries, applied in the child and checked again by the grader. */
export const TEXT_CAPS = { message: 2000, stack: 4000, output: 5000 } as const;

export type BackendChoice = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

/** Grader -> student process. */
export type GraderMessage =
  | {
      type: 'init';
      protocol: number;
      /** The secret that must head every frame the harness sends back (see frame.ts). */
      token: string;
      backend: BackendChoice;
      /** The submission compiled to one CommonJS module whose only import is @tensorflow/tfjs. */
      code: string;
      /** File name shown in messages about the submission. */
      entry: string;
    }
  | { type: 'run'; caseKey: string; fn: string; args: WireValue[]; observe?: Observation };

/**
 * What a case observes instead of the export's return value: `grad` calls the
 * export under `tf.grad` with respect to argument `wrt` (0-based) and returns
 * that gradient, so the grader can judge a loss's gradient as the student's
 * own code computes it.
 */
export type Observation = { kind: 'grad'; wrt: number };

/**
 * Student process -> grader. On init: `backend` or `backend-error` (before
 * student code loads), then `ready` or `load-error`; then one `result` or
 * `case-error` per `run`. `late-error` may come at any time: work a case left
 * running threw after that case was answered, or code from loading threw.
 */
export type ChildMessage =
  | { type: 'backend'; protocol: number; backend: string; backendNote?: string }
  | { type: 'backend-error'; message: string }
  | { type: 'ready' }
  | { type: 'load-error'; message: string; stack?: string }
  | { type: 'late-error'; caseKey?: string; message: string; stack?: string }
  | {
      type: 'result';
      caseKey: string;
      value: WireValue;
      ms: number;
      /** Tensors the call created and neither returned nor disposed. */
      leaked: number;
      /** Names of inputs the call disposed or changed. */
      damagedInputs: string[];
      /** What the student's code printed during the call (bounded). */
      output?: string;
      /** A built-in shared by every case that the call replaced (`Array.prototype.map`): the next case needs a fresh process. */
      tampered?: string;
    }
  | { type: 'case-error'; caseKey: string; kind: CaseErrorKind; message: string; stack?: string; ms: number; output?: string; tampered?: string };

/** Why a call produced no observation. */
export type CaseErrorKind = 'not-implemented' | 'missing-export' | 'threw' | 'exit-called' | 'bad-output';
