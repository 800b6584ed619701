import type { DType } from './values.ts';

export type TypedData = Float32Array | Int32Array | Uint8Array;

/** The little-endian bytes of a typed array, as base64. */
export function encodeData(data: TypedData): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (isBigEndian()) throw new Error('tfgrade stores little-endian tensors; this machine is big-endian');
  return Buffer.from(bytes).toString('base64');
}

/** Rebuilds a typed array of `dtype` from base64 bytes; throws if the size does not match `size` elements. */
export function decodeData(dtype: DType, base64: string, size: number): TypedData {
  const buf = Buffer.from(base64, 'base64');
  const width = dtype === 'bool' ? 1 : 4;
  if (buf.byteLength !== size * width) {
    throw new Error(`tensor data holds ${buf.byteLength} bytes, but ${dtype} of ${size} elements needs ${size * width}`);
  }
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  if (dtype === 'float32') return new Float32Array(copy.buffer);
  if (dtype === 'int32') return new Int32Array(copy.buffer);
  return copy;
}

export function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function isBigEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;
}
