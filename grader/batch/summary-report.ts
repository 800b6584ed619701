/** summary.md and summary.html: the class summary through the Handlebars templates in templates/batch. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.ts';
import { textHelpers } from '../report/helpers.ts';
import { cell, inline } from '../report/markdown-text.ts';
import { shownDeep } from '../report/shown-text.ts';
import type { ClassSummary } from './class-summary.ts';
import { THRESHOLD } from './similarity/similar-pairs.ts';
import { writeAtomically } from '../write-atomically.ts';

/** The most similar pairs shown; a class that copies widely has hundreds, and the first ones say enough. */
const SHOWN_PAIRS = 25;

const helpers = {
  ...textHelpers,
  /** Untrusted text (messages from student code, function names) as inline code that cannot end its cell or its span. */
  code: (text: string) => cell(inline(text)),
  /** Staff text (titles, part names) in a table cell. */
  cell,
  /** A bar of up to 20 blocks for a share in percent. */
  bar: (share: number) => '█'.repeat(Math.round(share / 5)),
};

function template(file: string, options: CompileOptions): Handlebars.TemplateDelegate {
  const hb = Handlebars.create();
  hb.registerHelper(helpers);
  return hb.compile(readFileSync(path.join(TEMPLATES_DIR, 'batch', file), 'utf8'), options);
}

/** Writes both files under `outDir`; every string from a student process is made harmless first (shown-text.ts). */
export function writeSummary(summary: ClassSummary, outDir: string): void {
  const view = { ...shownDeep(summary), similar: summary.similar.slice(0, SHOWN_PAIRS), similarTotal: summary.similar.length, moreSimilar: summary.similar.length > SHOWN_PAIRS, threshold: THRESHOLD * 100 };
  writeAtomically(path.join(outDir, 'summary.md'), template('summary.md.hbs', { noEscape: true })(view));
  writeAtomically(path.join(outDir, 'summary.html'), template('summary.html.hbs', {})(view));
}
