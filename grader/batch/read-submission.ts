/** Reads a submission's folder as the grader will see it: files and folders only, within limits, hashed. */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { SUBMISSION_LIMITS as LIMITS } from './limits.ts';
import { fileNameOf } from './student-id.ts';

export interface SubmissionFiles {
  /** The entry file (e.g. kmeans.ts): the shallowest one in the folder. */
  entry: string;
  /** sha256 over the names and contents of the files beside and below the entry: what its grade depends on. */
  hash: string;
}

/**
 * Finds the entry in `dir` (students often zip the folder that holds it) and
 * hashes what it may import. Links, FIFOs, devices and sockets, names that
 * are not UTF-8, unreadable files and too much of anything are a SUBMISSION
 * error: nothing reaches the compiler or the hash that could block the
 * grader (a FIFO) or point outside the submission (a link).
 */
export function readSubmission(dir: string, entryName: string): SubmissionFiles {
  const files = walk(dir);
  const entries = files.filter((f) => path.basename(f) === entryName).sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
  if (!entries.length) throw new GraderError('SUBMISSION', `the submission holds no ${entryName}`);
  const home = path.dirname(entries[0]);
  const hash = createHash('sha256');
  for (const f of files.filter((x) => !path.relative(home, x).startsWith('..')).sort()) {
    hash.update(`${path.relative(home, f)}\0`).update(readRegular(f)).update('\0');
  }
  return { entry: entries[0], hash: hash.digest('hex') };
}

const depth = (f: string) => f.split(path.sep).length;

/** Every regular file under `dir`, refusing anything else. */
function walk(dir: string): string[] {
  const out: string[] = [];
  let bytes = 0;
  const visit = (d: string, level: number): void => {
    if (level > LIMITS.maxDepth) throw refused(`its folders are nested more than ${LIMITS.maxDepth} deep`);
    for (const raw of attempt(() => readdirSync(d, { encoding: 'buffer' }), d)) {
      const name = raw.toString('utf8');
      if (!Buffer.from(name, 'utf8').equals(raw)) throw refused(`a file name in it is not UTF-8 (${fileNameOf(raw)})`);
      const full = path.join(d, name);
      const st = attempt(() => lstatSync(full), full);
      if (st.isDirectory()) visit(full, level + 1);
      else if (!st.isFile()) throw refused(`${name} is a ${st.isSymbolicLink() ? 'symbolic link' : 'device, FIFO or socket'}; only files and folders are accepted`);
      else {
        bytes += st.size;
        out.push(full);
        if (out.length > LIMITS.maxFiles) throw refused(`it holds more than ${LIMITS.maxFiles} files`);
        if (bytes > LIMITS.maxTotalBytes) throw refused(`it holds more than ${LIMITS.maxTotalBytes / 2 ** 20} MB`);
      }
    }
  };
  visit(dir, 0);
  return out;
}

/** Reads through a descriptor that cannot follow a link or wait on a FIFO swapped in since the walk. */
function readRegular(file: string): Buffer {
  return attempt(() => {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > LIMITS.maxTotalBytes) throw refused(`${path.basename(file)} changed while it was read`);
      const bytes = Buffer.alloc(st.size);
      return bytes.subarray(0, readSync(fd, bytes, 0, st.size, 0));
    } finally {
      closeSync(fd);
    }
  }, file);
}

/** A file system error (no permission, an I/O error) as the submission's problem, naming the file. */
function attempt<T>(read: () => T, file: string): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof GraderError) throw e;
    throw refused(`${path.basename(file)} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function refused(why: string): GraderError {
  return new GraderError('SUBMISSION', `the submission was refused: ${why}`);
}
