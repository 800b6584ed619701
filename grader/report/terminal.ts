import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import pc from 'picocolors';
import { TEMPLATES_DIR } from '../paths.ts';
import type { CaseResult, CaseStatus, PartResult, Results } from '../results/results.ts';
import { harmlessDeep } from './untrusted-text.ts';

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
export function renderTerminal(untrusted: Results, colours = pc.isColorSupported): string {
  const results = harmlessDeep(untrusted);
  const c = pc.createColors(colours);
  const hb = Handlebars.create();
  hb.registerHelper({
    bold: (s: string) => c.bold(s),
    dim: (s: string) => c.dim(s),
    yellow: (s: string) => c.yellow(s),
    concat: (...xs: unknown[]) => xs.slice(0, -1).join(''),
    seconds: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
    points: (s: number, m: number) => (s === m ? c.green : s === 0 ? c.red : c.yellow)(`${s}/${m}`),
    partMark: (p: PartResult) => (p.score === p.maxScore ? c.green('●') : p.score === 0 ? c.red('●') : c.yellow('●')),
    caseMark: (s: CaseStatus) => (colours ? MARKS[s] : s === 'passed' ? 'ok' : s.toUpperCase()),
    indent: (s: string, n: number) => s.split('\n').join(`\n${' '.repeat(n)}`),
  });
  const template = hb.compile(readFileSync(path.join(TEMPLATES_DIR, 'reports', 'terminal.hbs'), 'utf8'), { noEscape: true, strict: true });
  return template({ ...results, parts: results.parts.map((p) => ({ ...p, groups: groupCases(p.cases) })) });
}

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
