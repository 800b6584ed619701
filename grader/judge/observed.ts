import type { TypedData } from '../../harness/protocol/bytes.ts';
import { fromWire, type Decoded } from '../../harness/protocol/codec.ts';
import type { DType, WireValue } from '../../harness/protocol/values.ts';

/** A tensor as plain data: what the grader judges, never a student object. */
export interface NdArray {
  readonly kind: 'ndarray';
  dtype: DType;
  shape: number[];
  data: TypedData;
}

export type Observed = Decoded<NdArray, never>;

export function isNdArray(v: unknown): v is NdArray {
  return typeof v === 'object' && v !== null && (v as NdArray).kind === 'ndarray';
}

/** Rebuilds a wire value as plain data. */
export function observe(w: WireValue): Observed {
  return fromWire<NdArray, never>(w, {
    tensor: (data, shape, dtype) => ({ kind: 'ndarray', dtype, shape, data }),
    rng: () => {
      throw new Error('an output cannot be a random source');
    },
    mlpFunction: () => {
      throw new Error('an output cannot be a function');
    },
    sampler: () => {
      throw new Error('an output cannot be a data sampler');
    },
  });
}

/** Follows a dot path (`grads.We`, `layers.0.W`) into an output. */
export function atPath(v: Observed, path: string | undefined): { found: true; value: Observed } | { found: false; missing: string } {
  let cur: Observed = v;
  for (const key of path ? path.split('.') : []) {
    const next: Observed | undefined = Array.isArray(cur) ? cur[Number(key)] : cur !== null && typeof cur === 'object' && !isNdArray(cur) ? cur[key] : undefined;
    if (next === undefined) {
      const has = cur !== null && typeof cur === 'object' && !isNdArray(cur) ? Object.keys(cur).join(', ') : describe(cur);
      return { found: false, missing: `the output has no '${path}' (found ${has || 'nothing'})` };
    }
    cur = next;
  }
  return { found: true, value: cur };
}

/** A short description of what came back, for messages. */
export function describe(v: Observed): string {
  if (isNdArray(v)) return `${v.dtype === 'int32' ? 'an' : 'a'} ${v.dtype} tensor of shape [${v.shape.join(', ')}]`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return `an object with keys {${Object.keys(v).join(', ')}}`;
  return `a ${typeof v} (${String(v)})`;
}
