/** Shape expectations for staff code reading a student's output. */
import type * as tfjs from '@tensorflow/tfjs';

/** A value that is not what the spec says a part returns: the property judging it reports the message. */
export class ShapeError extends Error {}

/** True when `x` is a tfjs tensor (by its methods: tensors rebuilt in the grader come from another module instance). */
export function isTensor(x: unknown): x is tfjs.Tensor {
  return typeof x === 'object' && x !== null && typeof (x as tfjs.Tensor).dataSync === 'function' && Array.isArray((x as tfjs.Tensor).shape);
}

/** Returns `x` as a tensor of exactly `shape` (`-1` matches any size), or throws a ShapeError naming `what`. */
export function expectShape<T extends tfjs.Tensor>(x: unknown, shape: number[], what: string): T {
  if (!isTensor(x)) throw new ShapeError(`${what} should be a tensor of shape [${shape.join(', ')}]`);
  const ok = x.shape.length === shape.length && shape.every((s, i) => s === -1 || s === x.shape[i]);
  if (!ok) throw new ShapeError(`${what} has shape [${x.shape.join(', ')}], expected [${shape.join(', ')}]`);
  return x as T;
}
