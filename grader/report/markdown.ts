import type { Reporter } from './reporter.ts';
import { textHelpers } from './helpers.ts';
import { reportView } from './report-view.ts';
import { block, cell, inline } from './markdown-text.ts';
import { reportTemplate } from './template.ts';

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
