/** Reading the zips the packaging commands write, as a user's unzip would. */
import { chmodSync, createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

/** A zip opened for reading, with its entries listed. */
function openZip(zipFile: string): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err) return reject(err);
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push(e);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The names of every file in a zip. */
export async function zipNames(zipFile: string): Promise<string[]> {
  const { zip, entries } = await openZip(zipFile);
  zip.close();
  return entries.map((e) => e.fileName);
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

/** Unpacks a zip into `dest`, keeping each file's mode (run_autograder must stay executable). */
export async function unzip(zipFile: string, dest: string): Promise<void> {
  const { zip, entries } = await openZip(zipFile);
  for (const entry of entries) {
    const file = path.join(dest, entry.fileName);
    mkdirSync(path.dirname(file), { recursive: true });
    await pipeline(await openStream(zip, entry), createWriteStream(file));
    const mode = (entry.externalFileAttributes >>> 16) & 0o777;
    if (mode) chmodSync(file, mode);
  }
  zip.close();
}

