import { describe, expect, it } from 'vitest';
import { harmless, harmlessDeep } from '../../grader/report/untrusted-text.ts';

describe('untrusted text on a terminal', () => {
  it('shows escape sequences instead of letting the terminal run them', () => {
    const clear = '\u001b[2J\u001b[HScore 100/100';
    expect(harmless(clear)).toBe('\\e[2J\\e[HScore 100/100');
    const clipboard = '\u001b]52;c;ZWNobyBoaQ==\u0007';
    expect(harmless(clipboard)).toBe('\\e]52;c;ZWNobyBoaQ==\\u{7}');
    expect(harmless('\u009b31m')).toBe('\\u{9b}31m');
  });

  it('shows bidi overrides, carriage returns and backspaces, and keeps newlines and tabs', () => {
    expect(harmless('ok\rFAIL\b\u202egnp.exe')).toBe('ok\\u{d}FAIL\\u{8}\\u{202e}gnp.exe');
    expect(harmless('a\n\tb')).toBe('a\n\tb');
  });

  it('reaches every string in a nested value and leaves the rest alone', () => {
    const v = { score: 3, parts: [{ message: '\u001b[8mhidden', pass: true }], none: null };
    expect(harmlessDeep(v)).toEqual({ score: 3, parts: [{ message: '\\e[8mhidden', pass: true }], none: null });
  });
});
