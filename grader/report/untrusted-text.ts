/**
 * Text that came from the student process (messages, printed output) is
 * shown, never obeyed: a terminal would act on escape sequences (clear the
 * screen, print a fake score, write the clipboard, hide text), and bidi
 * controls reorder what the reader sees. Each such character is replaced by
 * a visible token; newlines and tabs stay.
 */

/** C0 and C1 controls (but \t and \n), DEL, and the Unicode bidi overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** ESC is the one a reader most needs to recognise; the rest read as their code point. */
function token(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code === 0x1b ? '\\e' : `\\u{${code.toString(16)}}`;
}

/** The text with every terminal-control and bidi character made visible. */
export function harmless(text: string): string {
  return text.replace(CONTROL, token);
}

/** A copy of a JSON-like value with `harmless` applied to every string in it. */
export function harmlessDeep<T>(value: T): T {
  if (typeof value === 'string') return harmless(value) as T;
  if (Array.isArray(value)) return value.map(harmlessDeep) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, harmlessDeep(v)])) as T;
  }
  return value;
}
