import pc from 'picocolors';
import type { CaseResult, CaseStatus, PartResult, Results } from '../results/results.ts';
import type { Reporter } from './reporter.ts';
import { reportTemplate } from './template.ts';
import { shownDeep } from './shown-text.ts';

/** Cases of one part that read the same (e.g. all "not implemented") are shown once. */
interface CaseGroup {
  status: CaseStatus;
  label: string;
  message?: string;
  output?: string;
}

const MARKS: { [s in CaseStatus]: string } = {
  passed: pc.green('✔'),
  failed: pc.red('✘'),
  error: pc.red('✘'),
  timeout: pc.red('⧗'),
  crashed: pc.red('✘'),
  'not-implemented': pc.yellow('…'),
  rejected: pc.red('⊘'),
  skipped: pc.dim('-'),
};

/** Renders results for a terminal; never recomputes a score. Text from the student process is shown, not obeyed. */
export function renderTerminal(untrusted: Results, colours = pc.isColorSupported, htmlFile?: string): string {
  const results = shownDeep(untrusted);
  const c = pc.createColors(colours);
  const points = (s: number, m: number) => (s === m ? c.green : s === 0 ? c.red : c.yellow)(`${s}/${m}`);
  const template = reportTemplate(
    'terminal.hbs',
    {
      bold: (s: string) => c.bold(s),
      dim: (s: string) => c.dim(s),
      yellow: (s: string) => c.yellow(s),
      concat: (...xs: unknown[]) => xs.slice(0, -1).join(''),
      seconds: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
      points,
      partMark: (p: PartResult) => (p.decidedElsewhere ? c.dim('○') : p.score === p.maxScore ? c.green('●') : p.score === 0 ? c.red('●') : c.yellow('●')),
      partPoints: (p: PartResult) => (p.decidedElsewhere ? c.dim(`${p.maxScore} points decided by the course's grader`) : points(p.score, p.maxScore)),
      caseMark: (s: CaseStatus) => (colours ? MARKS[s] : s === 'passed' ? 'ok' : s.toUpperCase()),
      indent: (s: string, n: number) => s.split('\n').join(`\n${' '.repeat(n)}`),
    },
    { noEscape: true, strict: true },
  );
  const elsewhere = results.parts.filter((p) => p.decidedElsewhere).reduce((s, p) => s + p.maxScore, 0);
  return template({ ...results, elsewhere, htmlFile: htmlFile ?? '', parts: results.parts.map((p) => ({ ...p, groups: groupCases(p.cases) })) });
}

/** The default report: what a student reads after `npm run grade`. */
export const terminalReporter: Reporter = {
  name: 'terminal',
  description: 'the report on the terminal (the default)',
  render: (results, ctx) => renderTerminal(results, ctx.colours, ctx.htmlFile),
};

function groupCases(cases: CaseResult[]): CaseGroup[] {
  const first = cases[0];
  if (cases.length > 1 && first.status !== 'passed' && cases.every((k) => k.status === first.status && k.message === first.message && !k.output)) {
    return [{ status: first.status, label: `all ${cases.length} cases: ${first.status.replace('-', ' ')}`, message: first.message }];
  }
  return cases.map((k) => ({
    status: k.status,
    label: `${k.id}${k.visibility === 'hidden' ? ' (hidden)' : ''}${k.title ? `: ${k.title}` : ''}`,
    message: k.status === 'passed' && !k.leakedTensors ? undefined : k.message,
    output: k.output,
  }));
}
