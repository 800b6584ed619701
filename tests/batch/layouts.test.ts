import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../grader/batch/discover.ts';
import { zipOf } from '../support/batch-class.ts';
import { gradeCli, gradeCliFrom } from '../support/batch-cli.ts';
import { referenceFile, stubFile } from '../support/grade.ts';

const reference = readFileSync(referenceFile('hw1'), 'utf8');
const stub = readFileSync(stubFile('hw1'), 'utf8');
const fresh = () => mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-layout-'));

/** Canvas's "Download submissions": one flat folder, `name[_LATE]_userid_fileid_original-name`, re-uploads as `name-1.ts`. */
async function canvasExport(): Promise<string> {
  const dir = fresh();
  writeFileSync(path.join(dir, 'lovelaceada_101_5001_kmeans.ts'), reference);
  writeFileSync(path.join(dir, 'babbagecharles_LATE_102_5002_kmeans-1.ts'), stub);
  writeFileSync(path.join(dir, 'babbagecharles_LATE_102_5003_notes.md'), 'late, sorry');
  await zipOf('hoppergrace_103_5004_submission', { 'hw1/kmeans.ts': reference })(dir);
  writeFileSync(path.join(dir, 'index.html'), '<html></html>');
  return dir;
}

/** Moodle's "Download all submissions": a folder per participant, `Full Name_participantid_assignsubmission_file_`. */
function moodleExport(): string {
  const dir = fresh();
  for (const [name, source] of [['Ada Lovelace_201_assignsubmission_file_', reference], ['Charles Babbage_202_assignsubmission_file_', stub]]) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'kmeans.ts'), source);
  }
  return dir;
}

describe('LMS export layouts', () => {
  it('detects Canvas: a student is the user id, late files and re-uploads included, other files ignored', async () => {
    const found = discover(await canvasExport());
    expect(found.layouts).toEqual(['canvas']);
    expect(found.ignored).toEqual(['index.html']);
    expect(found.submissions.map((s) => [s.student, s.lmsName, s.kind, s.paths.map((p) => p.name)])).toEqual([
      ['101', 'lovelaceada', 'files', ['kmeans.ts']],
      ['102', 'babbagecharles', 'files', ['kmeans-1.ts', 'notes.md']],
      ['103', 'hoppergrace', 'zip', ['submission.zip']],
    ]);
  });

  it('detects Moodle: a student is the participant id, named as Moodle names them', () => {
    const found = discover(moodleExport());
    expect(found.layouts).toEqual(['moodle']);
    expect(found.submissions.map((s) => [s.student, s.lmsName])).toEqual([
      ['201', 'Ada Lovelace'],
      ['202', 'Charles Babbage'],
    ]);
  });

  it('grades a Canvas export end to end, naming the layout, with names from Canvas where there is no roster', async () => {
    const dir = await canvasExport();
    const out = path.join(fresh(), 'grades');
    const r = gradeCli('hw1', '--submissions', dir, '--out', out, '--backend', 'wasm', '--report', 'json');
    expect([r.code, r.err]).toEqual([0, expect.stringContaining('found 3 submission(s) in')]);
    expect(r.err).toContain('(layout: canvas); ignored: index.html');
    expect(readFileSync(path.join(out, 'gradebook.csv'), 'utf8').split('\n').slice(1, 4)).toEqual([
      '101,lovelaceada,100,100,graded,10,15,20,10,15,30',
      '102,babbagecharles,0,100,graded,0,0,0,0,0,0',
      '103,hoppergrace,100,100,graded,10,15,20,10,15,30',
    ]);
  });

  it('grades a Moodle export end to end into grades/<hw>/ where the command was typed', () => {
    const caller = fresh();
    const r = gradeCliFrom(caller, 'hw1', '--submissions', moodleExport(), '--backend', 'wasm', '--report', 'md');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(caller, 'grades', 'hw1', 'gradebook.csv'), 'utf8')).toContain('201,Ada Lovelace,100,100,graded');
  });
});
