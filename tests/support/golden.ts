/** Golden files: compared byte for byte, written only by `npm run goldens`; a missing golden fails. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

const UPDATE = process.env.UPDATE_GOLDENS === '1';

export function expectGolden(actual: string, file: string): void {
  if (UPDATE) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden ${path.relative(process.cwd(), file)}: write it with \`npm run goldens\` and review it`);
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) return;
  const written = path.join(os.tmpdir(), `actual-${path.basename(file)}`);
  writeFileSync(written, actual);
  expect.fail(`differs from ${path.relative(process.cwd(), file)}: see \`diff ${file} ${written}\` (if the change is intended: npm run goldens)`);
}
