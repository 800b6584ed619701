/** Gathers the arrays each of the manifest's pictures draws, while the case's outputs are at hand. */
import type { WireValue } from '../../../harness/protocol/values.ts';
import type { Manifest, PictureSource, PictureSpec } from '../../definition/manifest.ts';
import type { LoadedCase } from '../../fixtures/load-fixtures.ts';
import { atPath, observe, type Observed } from '../../judge/observed.ts';
import { smallArray } from '../../judge/small-array.ts';
import type { PictureData, SmallArray } from '../../results/results.ts';
import type { Outcome } from '../../run/student-process.ts';

type Channels = { [channel: string]: SmallArray };

/** One entry per picture whose case was graded; the submission's side is absent when its case returned nothing readable. */
export function collectPictures(m: Manifest, cases: LoadedCase[], outcomes: Map<string, Outcome>): PictureData[] {
  return (m.pictures ?? []).flatMap((spec) => {
    const c = cases.find((k) => k.part.id === spec.part && k.spec.id === spec.case);
    if (!c || c.spec.visibility !== 'public') return [];
    const outcome = outcomes.get(c.key);
    const { data, ...rest } = spec;
    const submission = outcome?.kind === 'result' ? channelsOf(data, c, outcome.value) : undefined;
    return [{ ...rest, reference: channelsOf(data, c, c.fixture.expected) ?? {}, ...(submission ? { submission } : {}) }];
  });
}

/** The picture's channels read from one output (and the case's inputs), or undefined when that output cannot be read. */
function channelsOf(data: PictureSpec['data'], c: LoadedCase, output: WireValue): Channels | undefined {
  const out = readable(output);
  if (out === undefined) return undefined;
  const channels: Channels = {};
  for (const [name, source] of Object.entries(data)) {
    const array = arrayOf(source, out, c);
    if (array) channels[name] = array;
  }
  return channels;
}

function arrayOf(source: PictureSource, output: Observed, c: LoadedCase): SmallArray | undefined {
  const root = source.from === 'output' ? output : readable(c.fixture.args[source.arg ?? 0]);
  if (root === undefined) return undefined;
  const found = atPath(root, source.path);
  return found.found ? smallArray(found.value) : undefined;
}

/** Student data that cannot be decoded draws nothing rather than failing the report. */
function readable(w: WireValue | undefined): Observed | undefined {
  try {
    return w === undefined ? undefined : observe(w);
  } catch {
    return undefined;
  }
}
