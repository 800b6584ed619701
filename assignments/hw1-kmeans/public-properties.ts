/**
 * Grading code, not part of your work: how the grader checks, in your copy
 * too, that pairwiseSqDistances never returns a negative squared distance.
 */
import { defineProperty, isTensor, type PropertyTable } from '../../grader/staff/api.ts';

/** Properties of hw1 judged in every copy of the course, the student's included. */
export const properties: PropertyTable = {
  /** Every entry of the output tensor is >= 0 (a NaN is not). */
  nonNegative: defineProperty<{ why: string }>({
    options: { type: 'object', properties: { why: { type: 'string', minLength: 1 } }, required: ['why'], additionalProperties: false },
    judge: (actual) => {
      if (!isTensor(actual)) return { pass: false, message: 'expected a tensor' };
      const data = actual.dataSync();
      let [bad, worst] = [0, -1];
      for (let i = 0; i < data.length; i++) {
        if (data[i] >= 0) continue;
        bad++;
        if (worst < 0 || !(data[i] >= data[worst])) worst = i;
      }
      if (!bad) return { pass: true, message: `all ${data.length} values are >= 0` };
      return {
        pass: false,
        message: `${bad} of ${data.length} values are negative or NaN (the lowest: ${data[worst]}); a squared distance never is: ||x||^2 - 2 x.c + ||c||^2 rounds below 0 in float32, clamp it with tf.maximum(D, 0)`,
      };
    },
  }),
};
