import type { Reporter } from './reporter.ts';
import { textHelpers } from './helpers.ts';
import { reportView } from './report-view.ts';
import { reportTemplate } from './template.ts';

/** Longer than any run of backticks in the text, so untrusted text cannot close its fence and become Markdown or HTML. */
function fenceOf(text: string, least: number): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  return '`'.repeat(Math.max(least, longest + 1));
}

const block = (text: string) => `${fenceOf(text, 3)}text\n${text}\n${fenceOf(text, 3)}`;

const inline = (text: string) => {
  const f = fenceOf(text, 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${f}${pad}${text.replace(/\n/g, ' ')}${pad}${f}`;
};

/** Staff-written text in a table cell: a pipe would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown for an LMS comment or a pull request: the summary table, then each failing case. */
export const markdownReporter: Reporter = {
  name: 'md',
  description: 'Markdown: a summary table, then each failing case with its message',
  file: 'report.md',
  render(results) {
    const template = reportTemplate('markdown.hbs', { ...textHelpers, block, inline, cell }, { noEscape: true });
    return template(reportView(results));
  },
};
