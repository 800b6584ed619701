import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubmission } from '../../grader/batch/read-submission.ts';
import { unzipSafely } from '../../grader/batch/unzip-safe.ts';
import { ROOT } from '../../grader/paths.ts';
import { patchBytes, zipOf } from '../support/batch-class.ts';

/** A fresh folder with the zip in it and an empty place to unpack it; returns both. */
async function zipped(files: Parameters<typeof zipOf>[1], patch?: [string | Buffer, string | Buffer]) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-zip-'));
  await zipOf('s', files)(root);
  if (patch) patchBytes(path.join(root, 's.zip'), ...patch);
  return { root, zip: path.join(root, 's.zip'), into: path.join(root, 'out', 's') };
}

/** Unpacks and expects a refusal matching `why`, with nothing left behind, inside or outside the target folder. */
async function refused(z: Awaited<ReturnType<typeof zipped>>, why: RegExp) {
  mkdirSync(path.dirname(z.into));
  await expect(unzipSafely(z.zip, z.into)).rejects.toMatchObject({ code: 'SUBMISSION', message: expect.stringMatching(why) });
  expect(readdirSync(z.root, { recursive: true }).sort()).toEqual(['out', 's.zip']);
}

describe('unpacking a student zip safely', () => {
  it('unpacks files and folders', async () => {
    const z = await zipped({ 'hw1/kmeans.ts': 'export {};\n', 'hw1/util/a.ts': 'x' });
    mkdirSync(path.dirname(z.into));
    await unzipSafely(z.zip, z.into);
    expect(readdirSync(z.into, { recursive: true }).sort()).toEqual(['hw1', 'hw1/kmeans.ts', 'hw1/util', 'hw1/util/a.ts']);
  });

  it('refuses a zip bomb by its ratio', () => zipped({ 'kmeans.ts': 'x', 'zeros.bin': Buffer.alloc(8 * 2 ** 20) }).then((z) => refused(z, /zeros\.bin expands more than 100 times/)));

  it('refuses more bytes in all than a submission can be', async () => {
    // Random bytes do not compress: no ratio to catch, only the total.
    const noise = () => randomBytes(6 * 2 ** 20);
    await refused(await zipped({ 'a.bin': noise(), 'b.bin': noise(), 'c.bin': noise(), 'd.bin': noise() }), /unpacks to more than 20 MB/);
  });

  it('refuses more files than a submission holds', async () => {
    await refused(await zipped(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}.ts`, 'x']))), /more than 200 files/);
  });

  it('refuses names that climb out of the folder, or are absolute', async () => {
    await refused(await zipped({ 'xx/xx/evil.ts': 'x' }, ['xx/xx/evil.ts', '../../evil.ts']), /invalid relative path: \.\.\/\.\.\/evil\.ts/);
    await refused(await zipped({ 'xtmp/evil.ts': 'x' }, ['xtmp/evil.ts', '/tmp/evil.ts']), /absolute path: \/tmp\/evil\.ts/);
  });

  it('refuses links and device files', async () => {
    await refused(await zipped({ 'kmeans.ts': { link: '/etc/shadow' } }), /kmeans\.ts is a symbolic link/);
    await refused(await zipped({ 'kmeans.ts': { mode: 0o020666 } }), /kmeans\.ts is a device, FIFO or socket/);
  });

  it('refuses a name that is not UTF-8', async () => {
    await refused(await zipped({ 'bad-name.ts': 'x' }, ['bad-name', Buffer.from([0x62, 0x61, 0x64, 0xff, 0x6e, 0x61, 0x6d, 0x65])]), /a file name in it is not UTF-8/);
  });

  it('refuses an entry that holds more bytes than it declares', async () => {
    // The sizes sit in both headers as 32-bit little-endian numbers: 1000 bytes declared as 999.
    const size = (n: number) => Buffer.from([n & 0xff, n >> 8, 0, 0]);
    const z = await zipped({ 'kmeans.ts': 'y'.repeat(1000) });
    patchBytes(z.zip, Buffer.concat([size(1000), Buffer.from([9, 0])]), Buffer.concat([size(999), Buffer.from([9, 0])]));
    await refused(z, /too many bytes in the stream\. expected 999/);
  });

  it('refuses what is not a zip', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-zip-'));
    writeFileSync(path.join(root, 's.zip'), 'not a zip');
    await refused({ root, zip: path.join(root, 's.zip'), into: path.join(root, 'out', 's') }, /the zip was refused: .*signature/);
  });
});

describe('reading a submission folder', () => {
  it('finds the shallowest entry and hashes what it may import', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-read-'));
    mkdirSync(path.join(dir, 'hw1', 'old'), { recursive: true });
    writeFileSync(path.join(dir, 'hw1', 'kmeans.ts'), 'new');
    writeFileSync(path.join(dir, 'hw1', 'old', 'kmeans.ts'), 'old');
    const first = readSubmission(dir, 'kmeans.ts');
    expect(first.entry).toBe(path.join(dir, 'hw1', 'kmeans.ts'));
    writeFileSync(path.join(dir, 'hw1', 'old', 'kmeans.ts'), 'changed');
    expect(readSubmission(dir, 'kmeans.ts').hash).not.toBe(first.hash);
  });

  // Root reads any file whatever its mode: as root, the reading runs as user nobody, as a TA's unprivileged account would.
  it('gives an unreadable file a clear status', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-batch-read-'));
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, 'kmeans.ts'), 'x');
    chmodSync(path.join(dir, 'kmeans.ts'), 0);
    const module = path.join(ROOT, 'grader/batch/read-submission.ts');
    const script = `import(${JSON.stringify(module)}).then((m) => m.readSubmission(process.argv[1], 'kmeans.ts')).then(() => console.log('read'), (e) => console.log(e.message))`;
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    const [file, ...args] = [...asNobody, process.execPath, '--import', 'tsx', '-e', script, dir];
    const r = spawnSync(file, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOME: os.tmpdir() } });
    expect(r.stdout.trim(), r.stderr).toMatch(/kmeans\.ts cannot be read \(EACCES\)/);
    expect(existsSync(dir)).toBe(true);
  });
});
