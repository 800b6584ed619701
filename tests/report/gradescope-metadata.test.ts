import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metadataLines, readSubmissionMetadata, type SubmissionMetadata } from '../../grader/report/gradescope-metadata.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-metadata-'));

function read(text: string) {
  const file = path.join(dir, `m${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return readSubmissionMetadata(file);
}

/** Gradescope's documented example, fields tfgrade does not read included. */
const DOCUMENTED = {
  id: 123456,
  created_at: '2018-07-01T14:22:32.365935-07:00',
  assignment: { due_date: '2018-07-31T23:00:00.000000-07:00', group_size: 4, group_submission: true, id: 25828, course_id: 1234, late_due_date: null, release_date: '2018-07-02T00:00:00.000000-07:00', title: 'Programming Assignment 1', total_points: '20.0' },
  submission_method: 'upload',
  users: [
    { email: 'student@example.com', id: 1234, name: 'Student User' },
    { email: 'other@example.com', id: 5678, name: 'Other User' },
  ],
  previous_submissions: [{ submission_time: '2017-04-06T14:24:48.087023-07:00', score: 0.0, results: {} }],
};

describe("Gradescope's submission_metadata.json", () => {
  it("reads Gradescope's documented example and names every member of a group", () => {
    const r = read(JSON.stringify(DOCUMENTED));
    expect('metadata' in r).toBe(true);
    const { student } = metadataLines((r as { metadata: SubmissionMetadata }).metadata, 20);
    expect(student).toBe('Submission 123456 by Student User, Other User, made 2018-07-01T14:22:32.365935-07:00.');
  });

  it('says what is wrong with a file it cannot use, and where', () => {
    expect(read('{"id": 1')).toEqual({ problem: expect.stringContaining('could not be read as JSON') });
    const { users: _users, ...noUsers } = DOCUMENTED;
    expect(read(JSON.stringify(noUsers))).toEqual({ problem: expect.stringContaining("must have required property 'users'") });
    expect(read(JSON.stringify({ ...DOCUMENTED, id: 'x' }))).toEqual({ problem: expect.stringContaining('/id must be number') });
  });

  it('tells staff when Gradescope counts fewer points than the autograder gives', () => {
    expect(metadataLines(DOCUMENTED, 100).staff).toEqual([expect.stringContaining('worth 20 points in all, but the autograder gives up to 100')]);
    expect(metadataLines({ ...DOCUMENTED, assignment: { total_points: '120.0' } }, 100).staff).toEqual([]);
    expect(metadataLines({ ...DOCUMENTED, assignment: { total_points: null } }, 100).staff).toEqual([]);
  });
});
