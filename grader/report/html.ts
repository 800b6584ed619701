/** One self-contained HTML file: summary, pictures, and every case with its numbers and a heatmap of what differs. */
import type { CheckResult } from '../results/results.ts';
import { textHelpers } from './helpers.ts';
import { drawPicture, type Figure } from './pictures/draw-picture.ts';
import type { Picture } from './pictures/png.ts';
import { heatmap } from './pictures/rasters.ts';
import type { Reporter } from './reporter.ts';
import { reportView, type CaseView } from './report-view.ts';
import { reportTemplate } from './template.ts';

interface CheckView extends CheckResult {
  heatmap?: Picture & { max: number };
}

export const htmlReporter: Reporter = {
  name: 'html',
  description: 'one self-contained HTML file with the pictures (opens in any browser, no network)',
  file: 'report.html',
  async render(results) {
    const view = reportView(results);
    const figures: Figure[] = [];
    for (const p of view.pictures ?? []) figures.push(await drawPicture(p));
    const parts = view.parts.map((p) => ({ ...p, cases: p.cases.map(withHeatmaps) }));
    const template = reportTemplate('html.hbs', { ...textHelpers, percent: (x: number) => `${Math.round(x)}%` });
    return template({ ...view, parts, figures });
  },
};

function withHeatmaps(c: CaseView): CaseView & { checks: CheckView[] } {
  return { ...c, checks: c.checks.map((k) => (k.detail?.difference ? { ...k, heatmap: heatmap(k.detail.difference) } : k)) };
}
