/** Where two texts that should be equal first differ, for a message a person can act on. */

/** `line 12: committed `...`, regenerated `...``, or '' for equal texts; `names` label the two sides. */
export function firstDifference(was: string, now: string, names: [string, string] = ['committed', 'regenerated']): string {
  if (was === now) return '';
  const [a, b] = [was.split('\n'), now.split('\n')];
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? a.length : i;
  const cut = (s: string | undefined) => (s === undefined ? '(end of file)' : `\`${s.trim().slice(0, 80)}\``);
  return `line ${at + 1}: ${names[0]} ${cut(a[at])}, ${names[1]} ${cut(b[at])}`;
}
