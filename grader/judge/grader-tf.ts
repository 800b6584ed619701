import type * as tfjs from '@tensorflow/tfjs';

let loaded: Promise<typeof tfjs> | undefined;

/**
 * TensorFlow.js in the grader's own process, on the deterministic cpu backend:
 * for generators and graded properties, never for student code. Loaded on
 * first use, since most grading needs none.
 */
export function graderTf(): Promise<typeof tfjs> {
  loaded ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    tf.enableProdMode();
    await tf.setBackend('cpu');
    return tf;
  })();
  return loaded;
}
