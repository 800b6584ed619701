import type { Results } from '../results/results.ts';
import type { MetadataReading } from './gradescope-metadata.ts';

/** What a reporter may know beyond the results: how the reader sees it, and where the other formats went. */
export interface ReportContext {
  /** ANSI colours on a terminal. */
  colours: boolean;
  /** The HTML report's path, when one was written, for the terminal's last line. */
  htmlFile?: string;
  /** Gradescope's submission_metadata.json, read when the run was given one. */
  submissionMetadata?: MetadataReading;
}

/** One report format: renders results as they are, never recomputing a score. */
export interface Reporter {
  name: string;
  description: string;
  /** The file it writes under `--out`; none for the terminal, which prints. */
  file?: string;
  render(results: Results, ctx: ReportContext): string | Promise<string>;
}
