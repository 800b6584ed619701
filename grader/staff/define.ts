/** Typed definitions of an assignment's staff code: generators, graded properties, diagnoses. */
import type { JSONSchemaType } from 'ajv';
import type { GeneratedInputs, Generator, GeneratorContext } from '../definition/generator.ts';
import type { Property, PropertyContext, Verdict } from '../definition/property.ts';
import type { CaseValue } from '../definition/generator.ts';

/**
 * A generator whose params are typed by their schema (ajv's JSONSchemaType
 * ties the two). The grader validates a case's params against the schema
 * when the assignment loads, which is what makes the cast below sound.
 */
export function defineGenerator<P>(def: { params: JSONSchemaType<P>; generate(params: P, ctx: GeneratorContext): GeneratedInputs }): Generator {
  return { params: def.params, generate: (params, ctx) => def.generate(params as P, ctx) };
}

/** A graded property with typed options, validated against their schema when the assignment loads. */
export function defineProperty<O>(def: {
  options: JSONSchemaType<O>;
  judge(actual: CaseValue, ctx: PropertyContext<O>): Verdict | Promise<Verdict>;
}): Property {
  return { options: def.options, judge: (actual, ctx) => def.judge(actual, { ...ctx, options: ctx.options as O }) };
}

/** The schema of params that are all required numbers, the common case: `numberParams('n', 'd')`. */
export function numberParams<K extends string>(...keys: K[]): JSONSchemaType<{ [key in K]: number }> {
  const properties = Object.fromEntries(keys.map((k) => [k, { type: 'number' }]));
  // Built from `keys`, so it has exactly the properties of the type; TypeScript cannot follow the mapping.
  return { type: 'object', properties, required: keys, additionalProperties: false } as unknown as JSONSchemaType<{ [key in K]: number }>;
}
