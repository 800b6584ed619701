/** Puts each found submission in a folder of its own (unpacked, or gathered from an LMS's loose files), then reads it. */
import { constants, copyFileSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../errors.ts';
import type { FoundSubmission } from './discover.ts';
import { readSubmission, type SubmissionFiles } from './read-submission.ts';
import { unzipSafely } from './unzip-safe.ts';

/**
 * The submission's entry and hash. Zips and loose files are copied under
 * `staging` (inside the batch's --out folder: nothing is written anywhere
 * else); a folder is read where it is.
 */
export async function stage(s: FoundSubmission, entryName: string, staging: string): Promise<SubmissionFiles> {
  if (s.problem) throw new GraderError('SUBMISSION', `the submission was refused: ${s.problem}`);
  if (s.kind === 'folder') return readSubmission(s.paths[0].path, entryName);
  const folder = path.join(staging, s.student);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  if (s.kind === 'zip') await unzipSafely(s.paths[0].path, folder);
  else gather(s.paths, folder);
  return readSubmission(folder, entryName);
}

/** Canvas renames a re-upload `kmeans-1.ts`: the student's own name is the one without the counter. */
const RESUBMITTED = /-\d+(\.[^.]+)$/;

function gather(files: FoundSubmission['paths'], folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const f of files) {
    if (!lstatSync(f.path).isFile()) throw new GraderError('SUBMISSION', `the submission was refused: ${path.basename(f.path)} is not a regular file`);
    const name = f.name.replace(RESUBMITTED, '$1');
    try {
      copyFileSync(f.path, path.join(folder, name), constants.COPYFILE_EXCL);
    } catch {
      throw new GraderError('SUBMISSION', `the submission was refused: it holds two files named ${name}`);
    }
  }
}
