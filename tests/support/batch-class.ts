/**
 * A synthetic hw1 class for the batch tests: each member is a submission as a
 * TA receives it (a folder or a zip named by the student's id), built from the
 * reference by the variants' text edits, with the score and gradebook status
 * it must get. Expected scores were read from one graded run and checked
 * against each variant's `loses` (solutions/hw1-kmeans/variants.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';
import { alternatives, bugs } from '../../solutions/hw1-kmeans/variants.ts';
import { referenceFile, stubFile, writeVariant, type Variant } from './grade.ts';

export interface Member {
  id: string;
  /** Writes the submission under `dir` (the class folder). */
  write(dir: string): void | Promise<void>;
  score: number | '';
  status: 'graded' | 'error' | 'missing' | 'timeout';
  /** For a submission that cannot be graded: what its results' error must say. */
  error?: RegExp;
}

const reference = () => readFileSync(referenceFile('hw1'), 'utf8');

/** The reference edited as `v` says (each `find` occurs once). */
export function edited(v: Pick<Variant, 'name' | 'edits'>): string {
  return readFileSync(writeVariant('hw1', v), 'utf8');
}

const folder = (id: string, source: string) => (dir: string) => {
  mkdirSync(path.join(dir, id));
  writeFileSync(path.join(dir, id, 'kmeans.ts'), source);
};

/** A zip of `files` (name to content, a link's target, or a special file's mode), written as `<id>.zip`. */
export function zipOf(id: string, files: { [name: string]: string | Buffer | { link: string } | { mode: number } }) {
  return async (dir: string) => {
    const z = new ZipFile();
    for (const [name, content] of Object.entries(files)) {
      if (typeof content === 'string' || Buffer.isBuffer(content)) z.addBuffer(Buffer.from(content), name);
      else if ('link' in content) z.addBuffer(Buffer.from(content.link), name, { mode: 0o120777 });
      else z.addBuffer(Buffer.alloc(0), name, { mode: content.mode });
    }
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream) chunks.push(c as Buffer);
    writeFileSync(path.join(dir, `${id}.zip`), Buffer.concat(chunks));
  };
}

/**
 * A zip whose entry climbs out of its folder, far enough to leave --out
 * (`<out>/.staging/<id>/../../../` is the class's parent folder). yazl
 * refuses to write `..`, so a same-length name is patched in its bytes.
 */
export function zipSlip(id: string) {
  return async (dir: string) => {
    await zipOf(id, { 'kmeans.ts': reference(), 'xx/xx/xx/escaped.ts': 'export const escaped = 1;\n' })(dir);
    patchBytes(path.join(dir, `${id}.zip`), 'xx/xx/xx/escaped.ts', '../../../escaped.ts');
  };
}

/** Replaces every occurrence of `from` in a file's bytes by `to` (same length: a zip's offsets stay right). */
export function patchBytes(file: string, from: string | Buffer, to: string | Buffer): void {
  const [a, b] = [Buffer.from(from), Buffer.from(to)];
  if (a.length !== b.length) throw new Error('a patch must keep the length');
  const bytes = readFileSync(file);
  for (let i = bytes.indexOf(a); i >= 0; i = bytes.indexOf(a, i + 1)) b.copy(bytes, i);
  writeFileSync(file, bytes);
}

const hostile = (name: string, find: string, replace: string) => edited({ name, edits: [{ find, replace }] });
const bug = (name: string) => edited(bugs.find((b) => b.name === name)!);
const alternative = (name: string) => edited(alternatives.find((b) => b.name === name)!);

/** Every kind of submission a batch meets; `missing` members are on the roster only. */
export function hw1Class(): Member[] {
  return [
    // Correct: the reference (in folders and a zip holding a folder) and valid alternatives.
    { id: 'ada', write: folder('ada', reference()), score: 100, status: 'graded' },
    { id: 'ben', write: folder('ben', reference()), score: 100, status: 'graded' },
    { id: 'cai', write: zipOf('cai', { 'hw1/kmeans.ts': reference(), 'hw1/notes.txt': 'my notes' }), score: 100, status: 'graded' },
    { id: 'dee', write: folder('dee', alternative('expanded-distance-formula')), score: 100, status: 'graded' },
    { id: 'eli', write: folder('eli', alternative('update-with-loops')), score: 100, status: 'graded' },
    { id: 'fay', write: folder('fay', reference()), score: 100, status: 'graded' },
    // Buggy: the variants, each losing the parts its entry names.
    { id: 'gus', write: folder('gus', bug('argmax-instead-of-argmin')), score: 62.29, status: 'graded' },
    { id: 'hal', write: folder('hal', bug('ties-to-last-index')), score: 89.71, status: 'graded' },
    { id: 'ivy', write: folder('ivy', bug('nan-on-empty-cluster')), score: 91.19, status: 'graded' },
    { id: 'jon', write: folder('jon', bug('objective-as-mean')), score: 64.29, status: 'graded' },
    { id: 'kim', write: folder('kim', bug('plusplus-proportional-to-distance')), score: 94.38, status: 'graded' },
    { id: 'lea', write: folder('lea', bug('stops-after-one-iteration')), score: 74.29, status: 'graded' },
    { id: 'max', write: folder('max', bug('ignores-tol')), score: 95.71, status: 'graded' },
    { id: 'ned', write: folder('ned', bug('one-hot-membership')), score: 89.04, status: 'graded' },
    // Broken: does not compile (graded 0, as single grading does), or hides an export.
    { id: 'oli', write: folder('oli', `${reference()}\nexport const broken = ;\n`), score: 0, status: 'graded' },
    { id: 'pam', write: folder('pam', hostile('hidden-export', 'export async function kmeansObjective(', 'async function kmeansObjective(')), score: 90, status: 'graded' },
    // Hostile at run time: each costs its own cases only.
    { id: 'quin', write: folder('quin', hostile('hangs', '  let C = C0.clone();', '  for (;;) {}\n  let C = C0.clone();')), score: 70, status: 'timeout' },
    { id: 'ray', write: folder('ray', hostile('exits', '  const draws = await u.data();', '  process.exit(3);\n  const draws = await u.data();')), score: 85, status: 'graded' },
    { id: 'sam', write: folder('sam', `${reference()}\nconst hog: Float64Array[] = [];\nfor (;;) hog.push(new Float64Array(1e7).fill(1));\n`), score: 0, status: 'graded' },
    { id: 'tia', write: folder('tia', hostile('kills', '  let C = C0.clone();', "  process.kill(process.ppid, 'SIGKILL');\n  let C = C0.clone();")), score: 70, status: 'graded' },
    // Hostile as files: refused before anything reads them.
    { id: 'uma', write: zipSlip('uma'), score: 0, status: 'error', error: /invalid relative path: \.\.\/\.\.\/\.\.\/escaped\.ts/ },
    { id: 'vic', write: zipOf('vic', { 'kmeans.ts': reference(), 'zeros.bin': Buffer.alloc(5 * 2 ** 20) }), score: 0, status: 'error', error: /zeros\.bin expands more than 100 times/ },
    { id: 'wes', write: zipOf('wes', { 'kmeans.ts': { link: '/etc/passwd' } }), score: 0, status: 'error', error: /kmeans\.ts is a symbolic link/ },
    { id: 'xia', write: (dir) => symlinkSync(path.dirname(referenceFile('hw1')), path.join(dir, 'xia')), score: 0, status: 'error', error: /xia is a symbolic link/ },
    { id: 'yan', write: fifo('yan'), score: 0, status: 'error', error: /kmeans\.ts is a device, FIFO or socket/ },
    { id: 'b%FFd', write: (dir) => mkdirSync(Buffer.concat([Buffer.from(`${dir}/b`), Buffer.from([0xff]), Buffer.from('d')])), score: 0, status: 'error', error: /not valid UTF-8/ },
    // Empty: an empty file and the stub score 0; an empty folder holds no entry.
    { id: 'zed', write: folder('zed', ''), score: 0, status: 'graded' },
    { id: 'zoe', write: folder('zoe', readFileSync(stubFile('hw1'), 'utf8')), score: 0, status: 'graded' },
    { id: 'zora', write: (dir) => mkdirSync(path.join(dir, 'zora')), score: 0, status: 'error', error: /holds no kmeans\.ts/ },
    // Missing: on the roster, nothing submitted.
    { id: 'zack', write: () => undefined, score: '', status: 'missing' },
    { id: 'zeb', write: () => undefined, score: '', status: 'missing' },
  ];
}

function fifo(id: string) {
  return (dir: string) => {
    mkdirSync(path.join(dir, id));
    const r = spawnSync('mkfifo', [path.join(dir, id, 'kmeans.ts')]);
    if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  };
}

/** Writes the class under `dir` and a roster naming every member, returning the roster's path. */
export async function writeClass(dir: string, members: Member[]): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const m of members) await m.write(dir);
  const roster = path.join(path.dirname(dir), 'roster.csv');
  // A name that is not UTF-8 cannot be on a roster: it is found, and listed as not on it.
  writeFileSync(roster, `id,name,email\n${members.filter((m) => !m.id.includes('%')).map((m) => `${m.id},Student ${m.id.toUpperCase()},${m.id}@uni.example`).join('\n')}\n`);
  return roster;
}
