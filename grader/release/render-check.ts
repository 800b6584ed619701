/** The release check as text a person reads in ten seconds: a table of assignments by items, then what failed. */
import { stripVTControlCharacters } from 'node:util';
import pc from 'picocolors';
import { CALIBRATION_LIMIT, isLowMargin, marginOf, type CalibrationRow } from './calibration.ts';
import { isReady, ITEM_IDS, type AssignmentCheck } from './check-course.ts';

const PASS = pc.green('✓');
const FAIL = pc.red('✗');
const NOT_RUN = pc.dim('·');

/** Pads text that may hold colour codes to a visible width. */
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - stripVTControlCharacters(s).length));

/** The table, the problems of each failed item, and the calibration (all of it when asked, else its rows below the margin). */
export function renderCheck(checks: AssignmentCheck[], opts: { calibration: boolean; totalMs: number; only?: readonly string[] }): string {
  const ids = ITEM_IDS;
  const first = Math.max(10, ...checks.map((c) => c.assignment.length)) + 2;
  const widths = ids.map((id) => id.length + 2);
  const head = pad('', first) + ids.map((id, i) => pad(id, widths[i])).join('') + 'time';
  const rows = checks.map((c) => {
    const marks = ids.map((id, i) => pad(mark(c, id), widths[i]));
    return pad(c.assignment, first) + marks.join('') + `${(c.ms / 1000).toFixed(0)} s`;
  });
  const failed = checks.flatMap((c) => ids.filter((id) => c.items.get(id) && !c.items.get(id)!.pass).map((id) => ({ c, id })));
  const problems = failed.map(({ c, id }) => [`${pc.red('✗')} ${c.assignment} ${id}:`, ...c.items.get(id)!.problems.map((p) => `    ${p}`)].join('\n'));
  const notRun = checks.filter((c) => !c.loaded).map((c) => `${c.assignment}: nothing else was checked: the definition does not load`);
  const calibration = checks.flatMap((c) => calibrationSection(c, opts.calibration));
  const ok = checks.every((c) => isReady(c, opts.only));
  const summary = `${ok ? pc.green('ready to release') : pc.red('not ready')}: ${checks.length} assignment(s) in ${(opts.totalMs / 1000).toFixed(0)} s`;
  return [head, ...rows, '', ...problems, ...notRun, ...calibration, summary].join('\n');
}

function mark(c: AssignmentCheck, id: string): string {
  const r = c.items.get(id);
  return r ? (r.pass ? PASS : FAIL) : NOT_RUN;
}

/** One line per case and check: the tolerance, the share of it used on each backend, the smallest margin. */
function calibrationSection(c: AssignmentCheck, all: boolean): string[] {
  const rows = c.items.get('reference')?.calibration ?? [];
  const shown = all ? rows : rows.filter(isLowMargin);
  if (!shown.length) return [];
  const backends = [...new Set(rows.map((r) => r.backend))];
  const byCheck = new Map<string, CalibrationRow[]>();
  for (const r of shown) byCheck.set(`${r.case}\t${r.check}`, [...(byCheck.get(`${r.case}\t${r.check}`) ?? []), r]);
  const table = [['case', 'check', 'tolerance', ...backends.map((b) => `${b} used`), 'margin']];
  for (const [key, group] of byCheck) {
    const used = (b: string) => group.find((r) => r.backend === b)?.used;
    const measured = group.map((r) => r.used).filter((u): u is number => u !== undefined);
    const margin = measured.length ? `${fmtMargin(marginOf(Math.max(...measured)))}${measured.some((u) => u > CALIBRATION_LIMIT) ? ' LOW' : ''}` : group[0].tolerance === 'exact' ? 'exact' : 'not measured';
    table.push([...key.split('\t'), group[0].tolerance, ...backends.map((b) => fmtUsed(used(b))), margin]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)) + 2);
  const title = `${c.assignment}: calibration (measured error as a share of the tolerance; at most ${CALIBRATION_LIMIT} wanted)`;
  return ['', title, ...table.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('').trimEnd()), ''];
}

const fmtUsed = (u: number | undefined) => (u === undefined ? '-' : u === 0 ? '0' : u.toExponential(1));
const fmtMargin = (m: number) => (m === Infinity ? 'inf' : m >= 1000 ? `${m.toExponential(0)}x` : `${m.toFixed(m < 10 ? 1 : 0)}x`);
