/** Every static rule a manifest may name: small objects looked up by name. */
import type { StaticCheckSpec } from '../definition/manifest.ts';
import { findBannedCalls, type Violation } from './banned-calls.ts';

export interface StaticRule {
  name: string;
  /** The violations of one declared check in a submission's source. */
  run(fileName: string, source: string, spec: StaticCheckSpec): Violation[];
}

const bannedCalls: StaticRule = { name: 'bannedCalls', run: (fileName, source, spec) => findBannedCalls(fileName, source, [spec]) };

export const staticRules: ReadonlyMap<string, StaticRule> = new Map([bannedCalls].map((r) => [r.name, r]));
