/** Unpacks a student's zip into a fresh folder, refusing whatever could escape it or swamp the machine. */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry } from 'yauzl';
import { GraderError } from '../errors.ts';
import { SUBMISSION_LIMITS as LIMITS } from './limits.ts';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/**
 * Unpacks `zip` into `into` (which must not exist). Names that climb out
 * (`../`, absolute), links, device files and FIFOs, names that are not
 * UTF-8, too many files, too many bytes or a ratio that only a zip bomb has
 * make it a SUBMISSION error; nothing is left in `into` then.
 */
export async function unzipSafely(zip: string, into: string): Promise<void> {
  mkdirSync(into, { recursive: false });
  try {
    await unpack(zip, into);
  } catch (e) {
    rmSync(into, { recursive: true, force: true });
    throw e instanceof GraderError ? e : refused(`${(e as Error).message} (${path.basename(zip)})`);
  }
}

async function unpack(zip: string, into: string): Promise<void> {
  // strictFileNames: a backslash is refused rather than read as a separator; yauzl refuses `..` and absolute names itself.
  const z = await yauzl.openPromise(zip, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true });
  let files = 0;
  let bytes = 0;
  try {
    for await (const entry of z.eachEntry()) {
      const target = targetOf(into, entry);
      if (entry.fileName.endsWith('/')) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      if (++files > LIMITS.maxFiles) throw refused(`it holds more than ${LIMITS.maxFiles} files`);
      bytes += entry.uncompressedSize;
      if (bytes > LIMITS.maxTotalBytes) throw refused(`it unpacks to more than ${LIMITS.maxTotalBytes / 2 ** 20} MB`);
      if (entry.uncompressedSize > LIMITS.maxRatio * Math.max(entry.compressedSize, 1024)) throw refused(`${entry.fileName} expands more than ${LIMITS.maxRatio} times (a zip bomb?)`);
      mkdirSync(path.dirname(target), { recursive: true });
      // yauzl stops a stream that yields more bytes than its entry declares (validateEntrySizes); `wx` never overwrites.
      await pipeline(await z.openReadStreamPromise(entry), createWriteStream(target, { flags: 'wx' }));
    }
  } finally {
    z.close();
  }
}

/** Where an entry goes: under `into`, or a refusal saying why not. */
function targetOf(into: string, entry: Entry): string {
  const name = entry.fileName;
  const ascii = entry.fileNameRaw.every((b) => b < 0x80);
  const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0 && Buffer.from(name, 'utf8').equals(entry.fileNameRaw);
  if (!ascii && !utf8) throw refused(`a file name in it is not UTF-8 (${JSON.stringify(name)})`);
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) throw refused(`${name} is a ${type === 0o120000 ? 'symbolic link' : 'device, FIFO or socket'}; only files and folders are accepted`);
  // yauzl refuses `..` and absolute names already; checking the resolved path again costs nothing, a miss the TA's disk.
  const target = path.resolve(into, name);
  const rel = path.relative(into, target);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) throw refused(`${name} would be written outside its folder`);
  return target;
}

function refused(why: string): GraderError {
  return new GraderError('SUBMISSION', `the zip was refused: ${why}`);
}
