/**
 * Built-ins and tfjs objects every case relies on. A case whose code
 * replaces one of their methods (Array.prototype.map, tf.engine().memory)
 * would change what later cases, of innocent parts too, see; the harness
 * names the change, and the grader runs the next case in a fresh process.
 */
import { ObjectGetPrototypeOf, ReflectApply } from './primordials.ts';

const ownKeys = Reflect.ownKeys;
const describeProperty = Object.getOwnPropertyDescriptor;
const symbolDescription = Object.getOwnPropertyDescriptor(Symbol.prototype, 'description')!.get!;

/** A property code may call: its key, and its function, getter and setter (data values may change legitimately). */
type Callable = [PropertyKey, unknown, unknown, unknown];

/** Index loops and captured functions only: this runs after student code may have replaced Map, iterators and the like. */
function callables(obj: object): Callable[] {
  const out: Callable[] = [];
  const keys = ownKeys(obj);
  for (let i = 0; i < keys.length; i++) {
    const d = describeProperty(obj, keys[i])!;
    if (typeof d.value === 'function' || d.get || d.set) out[out.length] = [keys[i], typeof d.value === 'function' ? d.value : undefined, d.get, d.set];
  }
  return out;
}

function keyName(key: PropertyKey): string {
  return typeof key === 'symbol' ? `[${ReflectApply(symbolDescription, key, []) as string}]` : `${key as string}`;
}

/** Snapshots `watched` now (before student code loads); the returned check names the first change since, if any. */
export function watchBuiltins(watched: [string, object][]): () => string | undefined {
  const all: [string, object][] = [
    ['Object', Object],
    ['Object.prototype', Object.prototype],
    ['Array', Array],
    ['Array.prototype', Array.prototype],
    ['Function.prototype', Function.prototype],
    ['Promise', Promise],
    ['Promise.prototype', Promise.prototype],
    ['Map.prototype', Map.prototype],
    ['Set.prototype', Set.prototype],
    ['String.prototype', String.prototype],
    ['Number.prototype', Number.prototype],
    ['TypedArray.prototype', ObjectGetPrototypeOf(Uint8Array.prototype) as object],
    ['JSON', JSON],
    ['Math', Math],
    ['Reflect', Reflect],
    ...watched,
  ];
  const before = all.map(([name, obj]) => [name, obj, callables(obj)] as const);
  return () => {
    for (let i = 0; i < before.length; i++) {
      const name = before[i][0];
      const then = before[i][2];
      const now = callables(before[i][1]);
      for (let j = 0; j < now.length || j < then.length; j++) {
        const a = then[j];
        const b = now[j];
        if (!a || !b || a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2] || a[3] !== b[3]) return `${name}.${keyName((b ?? a)[0])}`;
      }
    }
    return undefined;
  };
}
