import { describe, expect, it } from 'vitest';
import { FrameError, FrameReader, frameHeader } from '../../harness/protocol/frame.ts';

const TOKEN = 'ab'.repeat(16);
const frame = (body: string, token = TOKEN) => Buffer.from(frameHeader(token, Buffer.byteLength(body)) + body);

describe('frames between the grader and the student process', () => {
  it('reads frames split across chunks and several frames in one chunk, counting bytes not characters', () => {
    const reader = new FrameReader(TOKEN);
    const both = Buffer.concat([frame('{"a":"é"}'), frame('{"b":2}')]);
    expect(reader.push(both.subarray(0, 10))).toEqual([]);
    // 42 header bytes + 10 body bytes ('é' is two).
    expect(reader.push(both.subarray(10, 51))).toEqual([]);
    expect(reader.push(both.subarray(51, 60))).toEqual(['{"a":"é"}']);
    expect(reader.push(both.subarray(60))).toEqual(['{"b":2}']);
    expect(new FrameReader(TOKEN).push(both)).toEqual(['{"a":"é"}', '{"b":2}']);
  });

  it('refuses a frame without the token, with a malformed length, or larger than the cap, before reading its body', () => {
    expect(() => new FrameReader(TOKEN).push(frame('{}', '0'.repeat(32)))).toThrow(FrameError);
    expect(() => new FrameReader(TOKEN).push(Buffer.from(`${TOKEN}00000000x2{}`))).toThrow('a frame with a malformed length');
    expect(() => new FrameReader(TOKEN, 1000).push(Buffer.from(frameHeader(TOKEN, 5000)))).toThrow('a frame of 5000 bytes (at most 1000)');
  });
});
