/**
 * What the harness measures about a call (the tensors it created, whether it
 * damaged its inputs), through tfjs entry points captured before student
 * code loads: a submission that replaces `tf.engine().memory` or
 * `Tensor.prototype.dataSync` changes what its own code sees, not what the
 * harness measures.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { ArrayIsArray, lengthOf, ObjectGetPrototypeOf, ObjectKeys, ObjectPrototype, ReflectApply } from './primordials.ts';

export interface Observer {
  numTensors(): number;
  startScope(): void;
  endScope(): void;
  disposeVariables(): void;
  /** Every tensor reachable from `args`, by where it sits (`argument 2.W`). */
  tensorsIn(args: unknown[]): Located[];
  /** A copy of the tensor's values. */
  snapshot(t: tfjs.Tensor): ArrayLike<number>;
  disposed(t: tfjs.Tensor): boolean;
  same(t: tfjs.Tensor, before: ArrayLike<number>): boolean;
  /** How many live tensors `out` holds that are not among `known`. */
  countNew(out: unknown, known: unknown[]): number;
  /** Whether `v` is a tfjs tensor (by prototype, not by tfjs's duck-typed `instanceof`). */
  isTensor(v: unknown): v is tfjs.Tensor;
  rank(t: tfjs.Tensor): number;
  /** `tf.grad(f)(x)` with tf.grad as it was before student code loaded. */
  grad(f: (x: tfjs.Tensor) => tfjs.Tensor, x: tfjs.Tensor): tfjs.Tensor;
}

export interface Located {
  name: string;
  tensor: tfjs.Tensor;
}

/** Captures the entry points now; call before student code loads. */
export function makeObserver(tf: typeof tfjs): Observer {
  const engine = tf.engine();
  const tensorProto = tf.Tensor.prototype;
  const memory = ObjectGetPrototypeOf(engine).memory as () => { numTensors: number };
  const { startScope, endScope } = ObjectGetPrototypeOf(engine) as { startScope: () => void; endScope: () => void };
  const dataSync = tensorProto.dataSync;
  const isDisposed = Object.getOwnPropertyDescriptor(tensorProto, 'isDisposed')!.get!;
  const slice = (ObjectGetPrototypeOf(Uint8Array.prototype) as { slice: () => ArrayLike<number> }).slice;
  const disposeVariables = tf.disposeVariables;
  const rank = Object.getOwnPropertyDescriptor(tensorProto, 'rank')!.get!;
  const grad = tf.grad;

  const isTensor = (v: unknown): v is tfjs.Tensor => {
    for (let p = v !== null && typeof v === 'object' ? ObjectGetPrototypeOf(v) : null; p !== null; p = ObjectGetPrototypeOf(p)) {
      if (p === tensorProto) return true;
    }
    return false;
  };

  const tensorsIn = (args: unknown[]): Located[] => {
    const out: Located[] = [];
    const visit = (v: unknown, name: string, depth: number): void => {
      if (depth > 32) return;
      if (isTensor(v)) out[out.length] = { name, tensor: v };
      else if (ArrayIsArray(v)) for (let i = 0; i < v.length; i++) visit(v[i], `${name}[${i}]`, depth + 1);
      else if (v !== null && typeof v === 'object' && ObjectGetPrototypeOf(v) === ObjectPrototype) {
        const keys = ObjectKeys(v);
        for (let i = 0; i < keys.length; i++) visit((v as { [k: string]: unknown })[keys[i]], `${name}.${keys[i]}`, depth + 1);
      }
    };
    for (let i = 0; i < args.length; i++) visit(args[i], `argument ${i + 1}`, 0);
    return out;
  };

  return {
    numTensors: () => ReflectApply(memory, engine, []).numTensors,
    startScope: () => ReflectApply(startScope, engine, []),
    endScope: () => ReflectApply(endScope, engine, []),
    disposeVariables: () => disposeVariables(),
    tensorsIn,
    snapshot: (t) => ReflectApply(slice, ReflectApply(dataSync, t, []), []),
    disposed: (t) => ReflectApply(isDisposed, t, []) as boolean,
    same(t, before) {
      const now = ReflectApply(dataSync, t, []) as ArrayLike<number>;
      const n = lengthOf(now);
      if (n !== lengthOf(before)) return false;
      // NaN equals NaN here: an input that held NaN and still does is intact.
      for (let i = 0; i < n; i++) if (now[i] !== before[i] && (now[i] === now[i] || before[i] === before[i])) return false;
      return true;
    },
    countNew(out, known) {
      let n = 0;
      const seen: unknown[] = [];
      for (let i = 0; i < known.length; i++) seen[i] = known[i];
      const visit = (v: unknown, depth: number): void => {
        if (depth > 32 || v === null || typeof v !== 'object') return;
        for (let i = 0; i < seen.length; i++) if (seen[i] === v) return;
        seen[seen.length] = v;
        if (isTensor(v)) n += ReflectApply(isDisposed, v, []) ? 0 : 1;
        else if (ArrayIsArray(v)) for (let i = 0; i < v.length; i++) visit(v[i], depth + 1);
        else {
          const keys = ObjectKeys(v);
          for (let i = 0; i < keys.length; i++) visit((v as { [k: string]: unknown })[keys[i]], depth + 1);
        }
      };
      visit(out, 0);
      return n;
    },
    isTensor,
    rank: (t) => ReflectApply(rank, t, []) as number,
    grad: (f, x) => grad(f)(x),
  };
}
