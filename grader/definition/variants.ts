/**
 * Variants of a reference solution: realistic bugs (each with the parts it
 * must lose) and valid alternatives (which must score 100), listed once in
 * `solutions/<hw>/variants.ts` and read by both the tests and `npm run check`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { JSONSchemaType } from 'ajv';
import { GraderError } from '../errors.ts';
import { importTypeScript } from '../import-typescript.ts';
import { shown } from '../paths.ts';
import type { Assignment } from './manifest.ts';
import { check } from './validate.ts';

/** A submission made from the reference solution by exact text edits (each `find` must occur once). */
export interface Variant {
  name: string;
  description: string;
  edits: { find: string; replace: string }[];
  /** The parts (export names) that must lose points; empty for a valid alternative. */
  loses: string[];
}

/** What `solutions/<hw>/variants.ts` exports (it may export more, e.g. a variant a test combines). */
export interface VariantLists {
  bugs: Variant[];
  alternatives: Variant[];
}

/** The file, relative to solutions/<hw>/, that lists an assignment's variants. */
export const VARIANTS_FILE = 'variants.ts';

const variantSchema: JSONSchemaType<Variant> = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    description: { type: 'string' },
    edits: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', properties: { find: { type: 'string', minLength: 1 }, replace: { type: 'string' } }, required: ['find', 'replace'], additionalProperties: false },
    },
    loses: { type: 'array', items: { type: 'string' } },
  },
  required: ['name', 'description', 'edits', 'loses'],
  additionalProperties: false,
};

// Extra exports are allowed: a test may combine a named variant with others.
const listsSchema: JSONSchemaType<VariantLists> = {
  type: 'object',
  properties: { bugs: { type: 'array', items: variantSchema }, alternatives: { type: 'array', items: variantSchema } },
  required: ['bugs', 'alternatives'],
};

/** Reads and validates an assignment's variant lists. */
export async function loadVariants(a: Assignment): Promise<VariantLists> {
  const file = path.join(a.solutionDir, VARIANTS_FILE);
  if (!existsSync(file)) throw new GraderError('BAD_DEFINITION', `${shown(file)} is missing: it lists the bugs and alternatives the assignment is checked with`);
  const { bugs, alternatives } = (await importTypeScript(file)) as Partial<VariantLists>;
  return check<VariantLists>(listsSchema, { bugs, alternatives }, shown(file), '', 'BAD_DEFINITION');
}

/** The reference's source with the variant's edits applied; each `find` must occur exactly once. */
export function applyVariant(source: string, v: Pick<Variant, 'name' | 'edits'>): string {
  let out = source;
  for (const { find, replace } of v.edits) {
    const count = out.split(find).length - 1;
    if (count !== 1) throw new GraderError('BAD_DEFINITION', `variant '${v.name}': the text to replace occurs ${count} times in the reference, not once: ${find}`);
    out = out.replace(find, () => replace);
  }
  return out;
}
