/**
 * Built-ins the harness uses after student code has loaded, captured before
 * it loads. Student code shares this realm and may replace methods on
 * `Array.prototype`, `Object`, `JSON` or `fs`; the harness calls these copies
 * instead, so such patches cannot change what it observes or sends.
 */
import fs from 'node:fs';

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;

export const ReflectApply = Reflect.apply;
export const ArrayIsArray = Array.isArray;
export const ObjectKeys = Object.keys;
export const ObjectGetPrototypeOf = Object.getPrototypeOf;
export const ObjectPrototype = Object.prototype;
export const PromisePrototype = Promise.prototype;
export const JSONStringify = JSON.stringify;
export const StringSlice = String.prototype.slice;
export const writeSync = fs.writeSync;
export const BufferByteLength = Buffer.byteLength;
export const performanceNow = performance.now.bind(performance);
export const exitProcess = process.exit.bind(process);
export const setImmediateOriginal = setImmediate;
const typedArrayLength = Object.getOwnPropertyDescriptor(typedArrayProto, 'length')!.get!;

/** The element count of a typed array, without the (replaceable) `length` getter. */
export function lengthOf(a: ArrayLike<number>): number {
  return ReflectApply(typedArrayLength, a, []) as number;
}

/** At most `max` characters of `s`, the note of how many were cut included. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  const note = `… (${s.length - max} more characters not shown)`;
  return `${ReflectApply(StringSlice, s, [0, max - note.length])}${note}`;
}
