/** Text in Markdown that must stay text: untrusted messages in fences no backtick can close, staff text in table cells. */

/** Longer than any run of backticks in the text, so untrusted text cannot close its fence and become Markdown or HTML. */
function fenceOf(text: string, least: number): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  return '`'.repeat(Math.max(least, longest + 1));
}

export const block = (text: string) => `${fenceOf(text, 3)}text\n${text}\n${fenceOf(text, 3)}`;

export const inline = (text: string) => {
  const f = fenceOf(text, 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${f}${pad}${text.replace(/\n/g, ' ')}${pad}${f}`;
};

/** Staff-written text in a table cell: a pipe would end the cell. */
export const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
