import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { gradebookCsv } from '../../grader/batch/gradebook.ts';
import { readRoster } from '../../grader/batch/roster.ts';
import { loadAssignment } from '../../grader/definition/load-assignment.ts';

it('reads a roster as a spreadsheet saves it (BOM, quotes, commas, column case) and writes names back intact', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-book-')), 'roster.csv');
  writeFileSync(file, '\ufeffID,Name,Email\r\na1,"Smith, Jo ""JJ""",jo@x\r\na2,"=HYPERLINK(""http://x"")",h@x\r\n\r\n');
  const roster = readRoster(file);
  expect(roster).toEqual([
    { id: 'a1', name: 'Smith, Jo "JJ"', email: 'jo@x' },
    { id: 'a2', name: '=HYPERLINK("http://x")', email: 'h@x' },
  ]);
  const csv = gradebookCsv(loadAssignment('hw1').manifest, roster.map((r) => ({ id: r.id, name: r.name })));
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  // A spreadsheet would run the second name as a formula: it is kept as text.
  expect(rows.map((r) => [r.student, r.name, r.score, r.max_score, r.status, r.kmeans])).toEqual([
    ['a1', 'Smith, Jo "JJ"', '', '100', 'missing', ''],
    ['a2', '\'=HYPERLINK("http://x")', '', '100', 'missing', ''],
  ]);
});
