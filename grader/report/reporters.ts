/** The report formats, looked up by name. */
import path from 'node:path';
import { GraderError } from '../errors.ts';
import type { Results } from '../results/results.ts';
import { gradescopeReporter } from './gradescope.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { markdownReporter } from './markdown.ts';
import type { ReportContext, Reporter } from './reporter.ts';
import { terminalReporter } from './terminal.ts';
import { writeAtomically } from '../write-atomically.ts';

export const reporters: readonly Reporter[] = [terminalReporter, markdownReporter, htmlReporter, jsonReporter, gradescopeReporter];

export function reporterNamed(name: string): Reporter {
  const r = reporters.find((x) => x.name === name);
  if (!r) throw new GraderError('USAGE', `unknown report format '${name}' (formats: ${reporters.map((x) => x.name).join(', ')})`);
  return r;
}

/** `terminal,md` as reporters; an unknown name is a usage error before anything is graded. */
export function parseReportList(list: string): Reporter[] {
  return [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))].map(reporterNamed);
}

/** Writes each file format under `outDir`, then returns the terminal's text (if asked for) naming the HTML report. */
export async function writeReports(results: Results, chosen: Reporter[], outDir: string, ctx: Omit<ReportContext, 'htmlFile'>): Promise<{ files: string[]; terminal?: string }> {
  const files: string[] = [];
  for (const r of chosen.filter((x) => x.file)) {
    const file = path.join(outDir, r.file!);
    writeAtomically(file, await r.render(results, ctx));
    files.push(file);
  }
  const html = chosen.includes(htmlReporter) ? path.join(outDir, htmlReporter.file!) : undefined;
  const terminal = chosen.find((x) => !x.file);
  return { files, terminal: terminal && (await terminal.render(results, { ...ctx, htmlFile: html })) };
}
