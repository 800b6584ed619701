/**
 * The staff API: the one module of the grader that `solutions/` may import
 * (an architecture test enforces it). Generators, properties and diagnoses
 * are written against these types and helpers only.
 */
export type { CaseValue, GeneratedInputs, GeneratorContext, GeneratorTable, JsonValue, MlpFunctionSpec, Params, RngSpec, SamplerSpec } from '../definition/generator.ts';
export type { GaussianMixture } from '../../harness/protocol/values.ts';
export type { Tolerance } from '../definition/manifest.ts';
export type { Variant, VariantLists } from '../definition/variants.ts';
export type { Diagnosis, DiagnosisTable, PropertyContext, PropertyTable, Verdict } from '../definition/property.ts';
export { isClose, type Numberish } from './closeness.ts';
export type { DiagnosisContext, DiagnosisRule } from '../definition/diagnosis.ts';
export { defineDiagnosis, defineGenerator, defineProperty, numberParams } from './define.ts';
export { normals, uniforms } from './random.ts';
export { exportedFunction, solutionBody } from './reference-text.ts';
export { expectShape, isTensor, ShapeError } from './shapes.ts';
