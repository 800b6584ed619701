import type * as tfjs from '@tensorflow/tfjs';
import { defineProperty, expectShape, numberParams, ShapeError, type PropertyTable } from '../../grader/staff/api.ts';
import { judgeCausality } from './causality.ts';

/** The diagnoses live in their own module; the grader reads them from here. */
export { diagnoses } from './diagnoses.ts';

/** Graded properties of hw6, judged in the grader's process from what the student's process returned. */
export const properties: PropertyTable = {
  /**
   * pixelCnnForward on a base image and copies of it that each differ at one input value: no output may move
   * when an input at or after it in raster order changes (the blind spot is allowed: dependence on every
   * earlier input is not asked for). Outputs count as unmoved within the check's tolerance.
   */
  causal: defineProperty({
    options: numberParams(),
    judge: (actual, ctx) => {
      const x = ctx.args[0] as tfjs.Tensor4D;
      const K = (ctx.expected as tfjs.Tensor5D).shape[4];
      if (!ctx.tolerance) throw new Error('hw6 causal: the check names no tolerance (it says when logits count as unmoved)');
      try {
        return judgeCausality(expectShape<tfjs.Tensor5D>(actual, [...x.shape, K], 'the logits'), x, ctx.tolerance);
      } catch (e) {
        if (e instanceof ShapeError) return { pass: false, message: e.message };
        throw e;
      }
    },
  }),
};
