/** Finds the submissions in a TA's folder, whichever layout the LMS exported, without reading any of them. */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileNameOf, studentIdOf } from './student-id.ts';

/** How a folder of submissions is laid out: one folder or zip per student, or an LMS's export. */
export type Layout = 'folders' | 'zips' | 'canvas' | 'moodle';

/** One student's submission as found: where its files are, not yet read. */
export interface FoundSubmission {
  /** The student's id, safe as a file name. */
  student: string;
  /** The name the LMS gave the student, when its layout carries one. */
  lmsName?: string;
  /** A folder of files, a zip to unpack, or loose files (Canvas) named `files[i].name`. */
  kind: 'folder' | 'zip' | 'files';
  /** The folder or zip; for `files`, every file with the name the student gave it. */
  paths: { path: string; name: string }[];
  /** Why it cannot be graded, found without reading it (a name that is not UTF-8, two submissions for one student). */
  problem?: string;
}

export interface Discovery {
  /** Every layout seen, for the log: one, unless the folder mixes them. */
  layouts: Layout[];
  submissions: FoundSubmission[];
  /** Entries that are no submission (an LMS's index.html, .DS_Store), by name. */
  ignored: string[];
}

/** Canvas: `lastfirst_12345_67890_kmeans.ts`, or `lastfirst_LATE_12345_67890_kmeans.ts` (user id, then file id). */
const CANVAS = /^([^_]+)_(?:LATE_)?(\d+)_(\d+)_(.+)$/;
/** Moodle: a folder `Full Name_123456_assignsubmission_file_` per participant. */
const MOODLE = /^(.+)_(\d+)_assignsubmission_file_?$/;

interface Entry {
  layout: Layout;
  submission: FoundSubmission;
}

/** Lists the submissions under `dir`, one per student, sorted by student id. */
export function discover(dir: string): Discovery {
  const ignored: string[] = [];
  const entries: Entry[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) {
    const e = classify(dir, d);
    if (e) entries.push(e);
    else ignored.push(fileNameOf(d.name));
  }
  const layouts = [...new Set(entries.map((e) => e.layout))].sort();
  return { layouts, submissions: mergeByStudent(entries.map((e) => e.submission)), ignored: ignored.sort() };
}

function classify(dir: string, d: Dirent<Buffer>): Entry | undefined {
  const name = d.name.toString('utf8');
  const full = path.join(dir, name);
  if (!Buffer.from(name, 'utf8').equals(d.name)) {
    // The name cannot be opened through a string path: the student gets a status, the batch goes on.
    const student = studentIdOf(d.name);
    return { layout: d.isDirectory() ? 'folders' : 'zips', submission: { student, kind: 'folder', paths: [], problem: `its name (${student}) is not valid UTF-8` } };
  }
  if (name.startsWith('.')) return undefined;
  if (!d.isDirectory() && !d.isFile()) {
    // Never followed: a link could lead anywhere on the TA's disk, a FIFO would block the reader.
    const what = d.isSymbolicLink() ? 'a symbolic link' : 'a device, FIFO or socket';
    return { layout: 'folders', submission: { student: studentIdOf(name.replace(/\.zip$/, '')), kind: 'folder', paths: [], problem: `${name} is ${what}; only files and folders are accepted` } };
  }
  if (d.isDirectory()) {
    const moodle = MOODLE.exec(name);
    if (moodle) return { layout: 'moodle', submission: { student: studentIdOf(moodle[2]), lmsName: moodle[1], kind: 'folder', paths: [{ path: full, name }] } };
    return { layout: 'folders', submission: { student: studentIdOf(name), kind: 'folder', paths: [{ path: full, name }] } };
  }
  const canvas = CANVAS.exec(name);
  if (canvas) return { layout: 'canvas', submission: { student: studentIdOf(canvas[2]), lmsName: canvas[1], kind: canvas[4].endsWith('.zip') ? 'zip' : 'files', paths: [{ path: full, name: canvas[4] }] } };
  if (name.endsWith('.zip')) return { layout: 'zips', submission: { student: studentIdOf(name.slice(0, -'.zip'.length)), kind: 'zip', paths: [{ path: full, name }] } };
  return undefined;
}

/** Canvas exports one file per upload: a student's loose files are one submission; anything else twice over is a problem to report. */
function mergeByStudent(found: FoundSubmission[]): FoundSubmission[] {
  const byStudent = new Map<string, FoundSubmission>();
  for (const s of found) {
    const seen = byStudent.get(s.student);
    if (!seen) byStudent.set(s.student, s);
    else if (seen.kind === 'files' && s.kind === 'files' && !seen.problem) seen.paths.push(...s.paths);
    else byStudent.set(s.student, { ...seen, problem: seen.problem ?? `more than one submission for this student (${[...seen.paths, ...s.paths].map((p) => path.basename(p.path)).join(', ')})` });
  }
  return [...byStudent.values()].sort((a, b) => compareIds(a.student, b.student));
}

/** The one order of students everywhere (gradebook, logs): by code unit, so it never depends on the machine's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
