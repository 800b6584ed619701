/** Worker thread entry: runs the static rules off the grader's main thread (ts-morph takes ~1 s to load, once per process). */
import type { StaticCheckSpec } from '../definition/manifest.ts';
import { answerCalls } from '../worker-answers.ts';
import type { Violation } from './banned-calls.ts';
import { staticRules } from './rules.ts';

// Rule names were resolved when the assignment loaded.
answerCalls(({ fileName, source, rules }: { fileName: string; source: string; rules: StaticCheckSpec[] }): Violation[] =>
  rules.flatMap((spec) => staticRules.get(spec.rule)!.run(fileName, source, spec)),
);
