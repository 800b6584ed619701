/** Writes a folder as a zip archive, keeping each file's mode (Gradescope runs `run_autograder` as a program). */
import { createWriteStream, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** Every regular file under `dir`, as paths relative to it with forward slashes, sorted (the archive's order does not depend on the file system's). */
export function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const relPath = rel ? `${rel}/${name}` : name;
    const st = statSync(path.join(dir, relPath));
    if (st.isDirectory()) out.push(...filesUnder(dir, relPath));
    else if (st.isFile()) out.push(relPath);
  }
  return out;
}

/** A fixed date for every entry: the same course gives the same bytes, so a package can be compared with the last one released. */
const EPOCH = new Date('2020-01-01T00:00:00Z');

/** Zips the contents of `dir` (its files at the archive's root) into `zipFile`. */
export async function zipFolder(dir: string, zipFile: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const rel of filesUnder(dir)) {
    zip.addFile(path.join(dir, rel), rel, { mtime: EPOCH, mode: statSync(path.join(dir, rel)).mode });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipFile));
}
