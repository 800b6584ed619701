import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssignment, readManifest } from '../../grader/definition/load-assignment.ts';

type Json = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test edits of arbitrary JSON

const original = readFileSync(path.join(loadAssignment('hw1').dir, 'manifest.json'), 'utf8');

/** Writes an edited copy of hw1's manifest and reads it back. */
function readEdited(edit: (m: Json) => void, raw?: string): () => unknown {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tfgrade-manifest-')), 'manifest.json');
  const m = JSON.parse(original) as Json;
  edit(m);
  writeFileSync(file, raw ?? JSON.stringify(m));
  return () => readManifest(file);
}

describe('malformed manifests are rejected with the file and the JSON path', () => {
  it.each([
    ['a missing field', (m: Json) => delete m.entry, /manifest\.json: \(top level\): must have required property 'entry'/],
    ['a wrong type', (m: Json) => (m.parts[1].points = '15'), /manifest\.json: \/parts\/1\/points: must be number/],
    ['an unknown key', (m: Json) => (m.parts[0].cases[0].tolerence = 'float'), /\/parts\/0\/cases\/0: must NOT have additional properties \('tolerence'\)/],
    ['a visibility in the manifest (hidden cases live in solutions/)', (m: Json) => (m.parts[0].cases[1].visibility = 'hidden'), /\/parts\/0\/cases\/1: must NOT have additional properties \('visibility'\)/],
    ['an unknown tolerance in part defaults', (m: Json) => (m.parts[2].defaults.checks[0].tolerance = 'loose'), /manifest\.json: \/parts\/2\/defaults\/checks\/0\/tolerance: unknown tolerance 'loose'/],
    ['an unknown comparator in a case', (m: Json) => (m.parts[2].cases[0].checks = [{ comparator: 'close' }]), /\/parts\/2\/cases\/0\/checks\/0\/comparator: unknown comparator 'close'/],
    ["a misspelt comparator option", (m: Json) => (m.parts[2].cases[0].checks = [{ comparator: 'subspace', options: { maxx: 1 } }]), /\/parts\/2\/cases\/0\/checks\/0\/options: must NOT have additional properties \('maxx'\)/],
    ['an option a comparator does not take', (m: Json) => (m.parts[2].cases[0].checks = [{ comparator: 'allclose', options: { rtol: 1 } }]), /\/checks\/0\/options: must NOT have additional properties \('rtol'\)/],
    ['a case with no generator anywhere', (m: Json) => delete m.parts[0].defaults.generator, /\/parts\/0\/cases\/0: no generator/],
    ['a duplicate case', (m: Json) => (m.parts[0].cases[1].id = m.parts[0].cases[0].id), /\/parts\/0: duplicate case 'blobs'/],
    ['points not adding up to 100', (m: Json) => (m.parts[0].points = 11), /\/parts: points add up to 101, not 100/],
    ['a version-1 manifest', (m: Json) => (m.schemaVersion = 1), /\/schemaVersion: version 1 is not read by this grader \(it reads 2\): upgrade it with 'npm run migrate-manifest hw1'/],
    ['an unknown version', (m: Json) => (m.schemaVersion = 7), /\/schemaVersion: version 7 is not read by this grader \(it reads 2\)$/],
    ['a property check without a name', (m: Json) => (m.parts[0].cases[0].checks = [{ comparator: 'property' }]), /\/parts\/0\/cases\/0\/checks\/0: a 'property' check needs a 'property' name/],
    ['an unknown static rule', (m: Json) => (m.staticChecks = [{ rule: 'noLoops', functions: ['kmeans'], calls: ['x'], reason: 'r' }]), /\/staticChecks\/0\/rule: unknown rule 'noLoops'/],
  ])('%s', (_, edit, message) => {
    expect(readEdited(edit)).toThrow(message);
  });

  it('broken JSON', () => {
    expect(readEdited(() => {}, '{"id": "hw1-kmeans",')).toThrow(/manifest\.json: \(top level\): not valid JSON/);
  });

  it('an unknown assignment lists the ones there are', () => {
    expect(() => loadAssignment('hw42')).toThrow(/no assignment 'hw42' \(available: hw1 \(hw1-kmeans\)/);
  });
});
