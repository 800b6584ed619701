import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTree } from '../../grader/run/process-tree.ts';
import { detectSandbox, studentEnv, type SandboxLayer } from '../../grader/run/sandbox.ts';
import { loopbackListener } from './hostile.ts';

/**
 * Each OS layer on its own, without the harness or Node's permission model:
 * a bare node inside it tries what a hostile submission would. Where the
 * layer stops it, this proves the wall is the OS's; where it does not
 * (permissions-only), the test records what only the in-process defences
 * stop (README, "What the sandbox stops").
 */
const PROBE = `
const out = { uid: process.getuid(), env: Object.keys(process.env).sort() };
try { process.kill(Number(process.argv[1]), 0); out.signal = 'delivered'; } catch (e) { out.signal = e.code; }
try { require('fs').readFileSync(process.argv[3]); out.read = 'read'; } catch (e) { out.read = e.code; }
const s = require('net').connect(Number(process.argv[2]), '127.0.0.1');
s.on('connect', () => { out.net = 'connected'; s.destroy(); console.log(JSON.stringify(out)); });
s.on('error', (e) => { out.net = e.code; console.log(JSON.stringify(out)); });
`;

/** What the grader keeps to itself: a file only its user may read, as the Gradescope package makes hidden material. */
const SECRET = path.join(mkdtempSync(path.join(os.tmpdir(), 'tfgrade-layer-secret-')), 'hidden.json');
writeFileSync(SECRET, '{"expected": [1, 2, 3]}', { mode: 0o600 });

const EXPECTED: { [l in SandboxLayer]: { uid: number; signal: string; read: string; net: string } } = {
  'namespaces-as-nobody': { uid: 65534, signal: 'ESRCH', read: 'ENOENT', net: 'ECONNREFUSED' },
  'namespaces-user': { uid: process.getuid!(), signal: 'ESRCH', read: 'ENOENT', net: 'ECONNREFUSED' },
  'as-nobody': { uid: 65534, signal: 'EPERM', read: 'EACCES', net: 'connected' },
  'permissions-only': { uid: process.getuid!(), signal: 'delivered', read: 'read', net: 'connected' },
};

function alive(pid: number): boolean {
  try {
    return !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe.each(Object.keys(EXPECTED) as SandboxLayer[])('the %s layer', (layer) => {
  const s = detectSandbox(layer);
  const here = s.layer === layer && process.platform === 'linux';
  let listener: Awaited<ReturnType<typeof loopbackListener>>;
  beforeAll(async () => (listener = await loopbackListener()));
  afterAll(() => listener?.close());

  it.skipIf(!here)('stops what it says it stops, and passes only the allowed environment', () => {
    process.env.TFGRADE_TEST_SECRET = 'tfgrade-secret-layer';
    const cmd = s.command(['-e', PROBE, String(process.pid), String(listener.port), SECRET], []);
    const r = spawnSync(cmd.file, cmd.args, { encoding: 'utf8', env: studentEnv(), timeout: 20_000 });
    const seen = JSON.parse(r.stdout) as { uid: number; env: string[]; signal: string; read: string; net: string };
    expect({ uid: seen.uid, signal: seen.signal, read: seen.read, net: seen.net }).toEqual(EXPECTED[layer]);
    expect(seen.env.filter((k) => !['HOME', 'LANG', 'LC_ALL', 'PATH', 'PWD', 'TZ'].includes(k))).toEqual([]);
  });

  it.skipIf(!here)('ends the student process when the grader dies', async () => {
    const cmd = s.command(['-e', 'setInterval(() => {}, 1000)'], []);
    const grader = spawn(process.execPath, ['-e', "const c = require('child_process').spawn(process.argv[1], JSON.parse(process.argv[2]), { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);", cmd.file, JSON.stringify(cmd.args)]);
    const launcher = await new Promise<number>((resolve) => grader.stdout.once('data', (d: Buffer) => resolve(Number(d.toString()))));
    await new Promise((r) => setTimeout(r, 500));
    const tree = processTree(launcher);
    expect(tree.every(alive)).toBe(true);
    grader.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    expect(tree.filter(alive)).toEqual([]);
  });
});
