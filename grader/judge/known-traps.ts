/** TensorFlow.js errors whose own message does not say what went wrong, each with what does (see shared/notes/tfjs-in-node.md). */
const TRAPS: { pattern: RegExp; hint: string }[] = [
  {
    // tfjs 4.22: logSigmoid's custom gradient keeps its input, which the forward pass has already freed.
    pattern: /Cannot read properties of undefined \(reading 'backend'\)/,
    hint: "a known TensorFlow.js 4.22 bug, usually tf.logSigmoid: its gradient fails when its input is computed inside the function being differentiated. Write log(sigmoid(x)) as tf.neg(tf.softplus(tf.neg(x)))",
  },
  {
    pattern: /depth must be >=2/,
    hint: 'tf.oneHot throws for depth 1: handle a single class without it',
  },
];

/** The hint for a student error that matches a known TensorFlow.js trap, as a sentence to append, or ''. */
export function trapHint(message: string): string {
  const trap = TRAPS.find((t) => t.pattern.test(message));
  return trap ? ` (${trap.hint})` : '';
}
