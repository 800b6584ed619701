import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradescopeResults } from '../../grader/report/gradescope.ts';
import { reporterNamed, reporters, writeReports } from '../../grader/report/reporters.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { validate } from '../../grader/definition/validate.ts';
import { launchBrowser } from '../support/browser.ts';
import { expectGolden } from '../support/golden.ts';
import { BUGGY_HW3, gradeAll, HOSTILE_PRINT, normalised, type Graded } from './report-cases.ts';

const GOLDENS = path.join(import.meta.dirname, 'goldens');
/** Screenshots are kept here for a person to look at; CI keeps them as artefacts. */
const SHOTS = process.env.TFGRADE_SCREENSHOTS ?? mkdtempSync(path.join(os.tmpdir(), 'tfgrade-shots-'));
const printed = JSON.parse(`"${HOSTILE_PRINT}"`) as string;

let graded: Graded[];
const named = (name: string) => graded.find((g) => g.name === name)!;
const out = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-reports-'));
const outDir = (name: string) => path.join(out, name);

describe('reports in every format', () => {
  beforeAll(async () => {
    graded = await gradeAll();
    for (const g of graded) {
      const t = performance.now();
      await writeReports(g.results, [...reporters], outDir(g.name), { colours: false });
      console.log(`${g.name}: all formats rendered in ${Math.round(performance.now() - t)} ms`);
    }
  }, 400_000);

  it('renders the text formats as their goldens (durations, dates, hashes and paths normalised)', async () => {
    for (const g of graded) {
      const r = normalised(g.results);
      for (const name of ['terminal', 'md', 'gradescope']) {
        const text = await reporterNamed(name).render(r, { colours: false });
        expectGolden(text, path.join(GOLDENS, `${g.name}.${name === 'gradescope' ? 'gradescope.json' : name === 'md' ? 'md' : 'txt'}`));
      }
    }
  });

  it('writes a complete report in every format when everything failed, timed out or crashed, and when nothing was graded', () => {
    const hostile = named('hw1-everything-fails').results;
    const statuses = new Set(hostile.parts.flatMap((p) => p.cases.map((c) => c.status)));
    expect([...statuses].sort()).toEqual(['crashed', 'error', 'failed', 'not-implemented', 'timeout']);
    expect(hostile.score).toBe(0);
    for (const name of ['hw1-everything-fails', 'hw2-not-graded']) {
      const md = readFileSync(path.join(outDir(name), 'report.md'), 'utf8');
      const html = readFileSync(path.join(outDir(name), 'report.html'), 'utf8');
      validate('results', JSON.parse(readFileSync(path.join(outDir(name), 'tfgrade-results.json'), 'utf8')), 'tfgrade-results.json');
      expect(JSON.parse(readFileSync(path.join(outDir(name), 'results.json'), 'utf8')).score).toBe(0);
      expect(html).toMatch(/<\/html>\s*$/);
      for (const p of named(name).results.parts) {
        expect(md).toContain(p.id);
        expect(html).toContain(`id="part-${p.id}"`);
      }
    }
    expect(readFileSync(path.join(outDir('hw2-not-graded'), 'report.md'), 'utf8')).toContain('**Not graded** (BAD_DEFINITION');
  });

  it('shows printed markup as text: escaped in HTML, fenced in Markdown', () => {
    const html = readFileSync(path.join(outDir('hw1-everything-fails'), 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img src=x/i);
    expect(html).toContain('&lt;script&gt;document.title');
    const md = readFileSync(path.join(outDir('hw1-everything-fails'), 'report.md'), 'utf8');
    const fenced = md.split(/^```+.*$/m).filter((_, i) => i % 2 === 1).join('');
    expect(fenced).toContain('<script>');
    expect(md.replace(/^```+[^]*?^```+$/gm, '')).not.toContain('<script>');
  });

  it('makes terminal escapes in printed output visible and cannot forge a score line', () => {
    const text = renderTerminal(named('hw1-everything-fails').results, false);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\r');
    expect(text).toContain('\\e[2J');
    expect(text).toContain('\\u{d800}');
    expect(text.split('\n').filter((l) => l.startsWith('Score'))).toEqual(['Score 0/100']);
    expect(printed).toContain('\u001b[2J');
  });

  it('keeps the JSON valid UTF-8 when the submission printed a lone surrogate', () => {
    const bytes = readFileSync(path.join(outDir('hw1-everything-fails'), 'tfgrade-results.json'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text).toContain('\\ud800');
    expect(JSON.parse(text).parts.find((p: { id: string }) => p.id === 'assignClusters').cases[0].output).toContain('\ud800');
  });

  it('hides hidden cases from Gradescope until grades are published, and never lets the public cases read as the grade', () => {
    for (const g of graded) {
      const gs = gradescopeResults(g.results);
      expect(gs.score).toBe(g.results.score);
      expect(gs.output).not.toMatch(/all (public )?tests passed/i);
      const hidden = g.results.parts.flatMap((p) => p.cases.filter((c) => c.visibility === 'hidden').map((c) => `${p.id}: ${c.id} (hidden)`));
      for (const t of gs.tests) {
        if (hidden.includes(t.name)) expect(t.visibility).toBe('after_published');
        if (t.score !== undefined && g.results.hiddenGraded) expect(t.visibility).toBe('after_published');
      }
    }
    const ref = gradescopeResults(named('hw3-reference').results);
    expect(ref.output).toContain('This is not your grade');
    expect(ref.tests.filter((t) => t.visibility === 'visible').every((t) => t.score === undefined)).toBe(true);
  });

  it('draws the hw3 pictures and a difference heatmap in a real browser, offline, without console errors', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const browser = await launchBrowser();
    try {
      for (const name of ['hw3-reference', `hw3-${BUGGY_HW3}`, 'hw1-everything-fails', 'hw2-not-graded']) {
        const file = path.join(outDir(name), 'report.html');
        const page = await browser.open(file, name.startsWith('hw3') ? path.join(SHOTS, `${name}.png`) : undefined);
        expect(page.consoleErrors).toEqual([]);
        expect(page.requests).toEqual([]);
        expect(page.dialogs).toEqual([]);
        expect(page.title).not.toBe('pwned');
        for (const img of page.images) {
          expect(img.complete, img.alt).toBe(true);
          expect(img.width * img.height, img.alt).toBeGreaterThan(0);
        }
        if (name.startsWith('hw3')) expect(page.images.filter((i) => /filters|likelihood|gradient/.test(i.alt)).length).toBeGreaterThanOrEqual(5);
        if (name === `hw3-${BUGGY_HW3}`) expect(page.images.some((i) => i.alt.startsWith('difference heatmap'))).toBe(true);
        if (name === 'hw1-everything-fails') expect(page.text).toContain('<script>document.title');
        copyFileSync(file, path.join(SHOTS, `${name}.html`));
      }
    } finally {
      await browser.close();
    }
    console.log(`screenshots in ${SHOTS}`);
  }, 120_000);
});
