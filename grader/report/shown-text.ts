/**
 * Student text as every text report shows it: terminal controls made visible
 * (untrusted-text.ts), and lone UTF-16 surrogates, which no file encoding can
 * hold (Node writes them as U+FFFD, so a golden could never match), shown as
 * their code point in the same style.
 */
import { harmlessDeep } from './untrusted-text.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}

function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return wellFormed(value) as T;
  if (Array.isArray(value)) return value.map(wellFormedDeep) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormedDeep(v)])) as T;
  return value;
}

/** A copy of `value` with every string in it safe to print and to write. */
export function shownDeep<T>(value: T): T {
  return harmlessDeep(wellFormedDeep(value));
}
