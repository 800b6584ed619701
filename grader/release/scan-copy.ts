/** Looks through a copy of the course for hidden material: every text file, line by line and as JSON. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HiddenMaterial } from './hidden-material.ts';

/** Files too large to be course text (a bundled dependency) are not read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const BINARY = /\.(wasm|png|jpg|zip|gz|node)$/;

/** Regular files under `dir`, not following links (a course copy links node_modules and may link the grader). */
function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !BINARY.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.split(path.sep).includes('node_modules') && statSync(f).size <= MAX_FILE_BYTES);
}

/** Each place hidden material shows in the copy at `dir`, as `file:line: what`. */
export function scanCopy(dir: string, hidden: HiddenMaterial): string[] {
  const found: string[] = [];
  for (const file of textFiles(dir)) {
    const shown = path.relative(dir, file);
    if (path.basename(file) === 'hidden-cases.json') found.push(`${shown}: a hidden-cases file`);
    const text = readFileSync(file, 'utf8');
    const values = new Set([...hidden.values].filter(([value]) => text.includes(value)).map(([, what]) => what));
    found.push(...[...values].map((what) => `${shown}: ${what}`));
    text.split('\n').forEach((line, i) => {
      const from = hidden.solutionLines.get(line.trim());
      if (from) found.push(`${shown}:${i + 1}: solution text (${from}): ${line.trim().slice(0, 80)}`);
    });
    const declared = file.endsWith('.json') ? declaredHiddenCases(text, hidden) : [];
    if (declared.length) found.push(`${shown}: declares hidden case${declared.length > 1 ? 's' : ''} ${declared.join(', ')}`);
  }
  return found;
}

/** Hidden cases a JSON text declares: an object with a hidden case's id and seed. */
function declaredHiddenCases(text: string, hidden: HiddenMaterial): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const o = v as { id?: unknown; seed?: unknown };
    for (const c of hidden.cases) if (o.id === c.id && o.seed === c.seed) found.add(`${c.part}/${c.id}`);
    Object.values(o).forEach(walk);
  };
  walk(data);
  return [...found];
}
