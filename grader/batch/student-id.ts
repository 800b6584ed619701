/** Student ids become file names (results/<id>.json, reports/<id>/): anything but plain characters is percent-encoded. */

/** Letters, digits and `._@+-`, starting with a letter, digit or `_`: safe on every file system, and no spreadsheet formula. */
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9._@+-]*$/;

/** The id as a file name: unchanged when plain, else each byte outside the plain set as %XX (a name that is not UTF-8 too). */
export function studentIdOf(name: string | Buffer): string {
  const text = typeof name === 'string' ? name : undefined;
  if (text !== undefined && PLAIN.test(text)) return text;
  const bytes = typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
  const id = [...bytes].map((b) => (/[A-Za-z0-9_]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return id || '%';
}

/** A directory entry's name for a log line: its text when UTF-8, else its bytes percent-encoded. */
export function fileNameOf(name: Buffer): string {
  const text = name.toString('utf8');
  return Buffer.from(text, 'utf8').equals(name) ? text : studentIdOf(name);
}
