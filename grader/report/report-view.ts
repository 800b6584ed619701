/** What the md, html and gradescope templates read: the results with untrusted text made harmless, and each part's cases sorted for reading. */
import type { CaseResult, CheckResult, PartResult, Results } from '../results/results.ts';
import { shownDeep } from './shown-text.ts';

export interface CaseView extends CaseResult {
  /** `id (hidden): title`. */
  label: string;
  failedChecks: CheckResult[];
  /** Not passed and not skipped: what a student must read. */
  failing: boolean;
}

export interface PartView extends Omit<PartResult, 'cases'> {
  cases: CaseView[];
  failing: CaseView[];
  /** The failing cases, those in a row that read the same (all "not implemented", all one crash) shown once. */
  failingGroups: CaseView[];
  passed: number;
  /** Score as a percentage of the part's points, for a bar. */
  percent: number;
}

export interface ReportView extends Omit<Results, 'parts'> {
  parts: PartView[];
  failingParts: PartView[];
  passedCases: number;
  totalCases: number;
  publicPassed: number;
  publicTotal: number;
}

export function reportView(untrusted: Results): ReportView {
  const results = shownDeep(untrusted);
  const parts = results.parts.map(partView);
  const publicCases = parts.flatMap((p) => p.cases.filter((c) => c.visibility === 'public'));
  return {
    ...results,
    parts,
    failingParts: parts.filter((p) => p.failing.length),
    passedCases: parts.reduce((n, p) => n + p.passed, 0),
    totalCases: parts.reduce((n, p) => n + p.cases.length, 0),
    publicPassed: publicCases.filter((c) => c.status === 'passed').length,
    publicTotal: publicCases.length,
  };
}

function partView(p: PartResult): PartView {
  const cases = p.cases.map(caseView);
  const failing = cases.filter((c) => c.failing);
  return { ...p, cases, failing, failingGroups: grouped(failing), passed: cases.filter((c) => c.status === 'passed').length, percent: p.maxScore ? (100 * p.score) / p.maxScore : 0 };
}

function caseView(c: CaseResult): CaseView {
  return {
    ...c,
    label: `${c.id}${c.visibility === 'hidden' ? ' (hidden)' : ''}${c.title ? `: ${c.title}` : ''}`,
    failedChecks: c.checks.filter((k) => !k.pass),
    failing: c.status !== 'passed' && c.status !== 'skipped',
  };
}

const sameText = (a: CaseView, b: CaseView) => a.status === b.status && a.message === b.message && a.output === b.output && a.diagnosis === b.diagnosis;

function grouped(cases: CaseView[]): CaseView[] {
  const groups: CaseView[][] = [];
  for (const c of cases) {
    const last = groups[groups.length - 1];
    if (last && sameText(last[0], c)) last.push(c);
    else groups.push([c]);
  }
  return groups.map((g) => (g.length === 1 ? g[0] : { ...g[0], label: `${g.length} cases: ${g.map((c) => c.label).join('; ')}` }));
}
