/**
 * The harness's end of the two pipes to the grader: frames in on fd 3,
 * frames out on fd 4, each out-frame headed by the token the grader sent in
 * `init`. The token lives only in this module's closure, and everything that
 * runs after student code loads (serialising, writing) uses captured
 * built-ins, so student code can neither read it nor reshape a message on
 * its way out.
 */
import net from 'node:net';
import { FrameReader, frameHeader, GRADER_TOKEN, HEADER_BYTES, MAX_FRAME_BYTES } from '../protocol/frame.ts';
import type { ChildMessage, GraderMessage } from '../protocol/messages.ts';
import { ArrayIsArray, BufferByteLength, exitProcess, JSONStringify, ObjectKeys, writeSync } from './primordials.ts';

const FROM_GRADER_FD = 3;
const TO_GRADER_FD = 4;

let token: string | undefined;

/** Reads the grader's frames from fd 3 and hands each message to `onMessage`, in order. */
export function listen(onMessage: (msg: GraderMessage) => void): void {
  const reader = new FrameReader(GRADER_TOKEN);
  const socket = new net.Socket({ fd: FROM_GRADER_FD, readable: true, writable: false });
  socket.on('data', (chunk: Buffer) => {
    for (const body of reader.push(chunk)) onMessage(JSON.parse(body) as GraderMessage);
  });
  // The grader closed its end: it is gone, and so is the reason to run.
  socket.on('end', () => exitProcess(0));
}

/** Keeps the token for every frame after this one; called on `init`, before student code loads. */
export function setToken(t: string): void {
  token ??= t;
}

/** Sends one message; one that would exceed the frame cap is replaced by `tooBig(bytes)`. */
export function send(msg: ChildMessage, tooBig?: (bytes: number) => ChildMessage): void {
  let body = serialise(msg);
  let bytes = BufferByteLength(body);
  if (bytes > MAX_FRAME_BYTES && tooBig) {
    body = serialise(tooBig(bytes));
    bytes = BufferByteLength(body);
  }
  const frame = frameHeader(token ?? GRADER_TOKEN, bytes) + body;
  // A blocking pipe takes the whole frame or fails; a short write would desynchronise the stream.
  if (writeSync(TO_GRADER_FD, frame) !== HEADER_BYTES + bytes) throw new Error('the channel to the grader took only part of a frame');
}

/**
 * JSON of plain data, walked with captured built-ins: `JSON.stringify` of a
 * whole object would call a `toJSON` that student code put on
 * `Object.prototype` or `Array.prototype`. Strings go through JSON.stringify
 * one at a time: a primitive has no toJSON.
 */
function serialise(v: unknown): string {
  if (typeof v === 'string') return JSONStringify(v);
  if (typeof v === 'number') return v === v && v !== Infinity && v !== -Infinity ? '' + v : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null || v === undefined) return 'null';
  if (ArrayIsArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + serialise(v[i]);
    return out + ']';
  }
  const obj = v as { [k: string]: unknown };
  const keys = ObjectKeys(obj);
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const value = obj[keys[i]];
    if (value === undefined) continue;
    out += (first ? '' : ',') + JSONStringify(keys[i]) + ':' + serialise(value);
    first = false;
  }
  return out + '}';
}
