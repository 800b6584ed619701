/** `npm run package <hw> -- --student`: the student's copy of the course as one zip. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Assignment } from '../definition/manifest.ts';
import { ROOT } from '../paths.ts';
import { buildStudentCopy } from './student-copy.ts';
import { zipFolder } from './zip.ts';

/** Writes `<outDir>/<hw>-student.zip`, that one assignment of the course at `root`; returns its path. */
export async function packageStudent(a: Assignment, outDir: string, root = ROOT): Promise<string> {
  // Staged in a temp folder: buildStudentCopy's filter is the one place that decides what a student may see.
  const stage = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-student-zip-'));
  try {
    buildStudentCopy(stage, root, [a.manifest.id]);
    const zipFile = path.join(outDir, `${a.manifest.id}-student.zip`);
    await zipFolder(stage, zipFile);
    return zipFile;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
