/** `npm run check`: proves assignments ready to release, item by item. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackendChoice } from '../../harness/protocol/messages.ts';
import type { CourseLayout } from '../definition/course-layout.ts';
import { loadAssignment } from '../definition/load-assignment.ts';
import { asGraderError, GraderError } from '../errors.ts';
import { gradeSubmission } from '../grade-submission.ts';
import { buildStudentCopy } from '../packaging/student-copy.ts';
import { RELEASE_ITEMS } from './items/index.ts';
import { limiter } from '../limiter.ts';
import type { ItemResult, ReleaseContext, ReleaseItem } from './release-item.ts';

/**
 * Gradings at once: each is a student process working flat out, so two keep
 * a 2-core CI machine busy without the processes fighting for it (which
 * would stretch their time limits).
 */
export const CONCURRENT_GRADINGS = 2;
/** The student process's memory cap in the check, as in the assignment tests. */
const MEMORY_MB = 2048;

export interface AssignmentCheck {
  /** The folder name, or the name asked for when it would not load. */
  assignment: string;
  /** False when the definition does not load: then nothing but it was judged. */
  loaded: boolean;
  /** One result per item id that ran. */
  items: Map<string, ItemResult>;
  ms: number;
}

export interface CheckOptions {
  /** The ids of the items to run (default: all). */
  only?: readonly string[];
  /** Called as each assignment's check ends, e.g. for a progress line. */
  onDone?: (c: AssignmentCheck) => void;
}

/** The ids of every item, in the table's order. */
export const ITEM_IDS = RELEASE_ITEMS.map((i) => i.id);

/** True when every item asked for ran and passed. */
export const isReady = (c: AssignmentCheck, ids: readonly string[] = ITEM_IDS): boolean => ids.every((id) => c.items.get(id)?.pass);

/** Checks each named assignment of the course, one after another, each one's items side by side. */
export async function checkCourse(names: string[], layout: CourseLayout, opts: CheckOptions = {}): Promise<AssignmentCheck[]> {
  const unknown = (opts.only ?? []).filter((id) => !ITEM_IDS.includes(id));
  if (unknown.length) throw new GraderError('USAGE', `no check item ${unknown.join(', ')} (items: ${ITEM_IDS.join(', ')})`);
  const items = RELEASE_ITEMS.filter((i) => !opts.only || opts.only.includes(i.id));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-check-'));
  const throttled = limiter(CONCURRENT_GRADINGS);
  let copy: Promise<string> | undefined;
  // Built on first need and shared: the student's copy is the same for every assignment.
  const studentCopy = () => (copy ??= Promise.resolve().then(() => {
    const dir = path.join(scratch, 'student-copy');
    buildStudentCopy(dir, layout.root);
    return dir;
  }));
  try {
    const out: AssignmentCheck[] = [];
    for (const name of names) {
      const check = await checkAssignment(name, layout, items, { throttled, studentCopy, scratch: path.join(scratch, name) });
      opts.onDone?.(check);
      out.push(check);
    }
    return out;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

type Shared = Pick<ReleaseContext, 'throttled' | 'studentCopy' | 'scratch'>;

async function checkAssignment(name: string, layout: CourseLayout, items: readonly ReleaseItem[], shared: Shared): Promise<AssignmentCheck> {
  const start = performance.now();
  let a;
  try {
    a = loadAssignment(name, layout);
  } catch (e) {
    // Nothing else can be judged without a definition.
    return { assignment: name, loaded: false, items: new Map([['definition', { pass: false, problems: [asGraderError(e).message] }]]), ms: performance.now() - start };
  }
  mkdirSync(shared.scratch, { recursive: true });
  const assignment = a;
  const ctx: ReleaseContext = {
    ...shared,
    a: assignment,
    layout,
    grade: (file: string, backend: BackendChoice) => shared.throttled(() => gradeSubmission({ assignment, file, backend, memoryMb: MEMORY_MB })),
  };
  const results = new Map<string, ItemResult>();
  // Items that work in this process go first, one at a time: seconds of parsing and validating
  // would otherwise stall the event loop while a student process's load timer runs, and cost a case.
  for (const item of items.filter((i) => !i.spawns)) results.set(item.id, await runItem(() => item.run(ctx)));
  const spawning = await Promise.all(items.filter((i) => i.spawns).map(async (item) => [item.id, await runItem(() => item.run(ctx))] as const));
  for (const [id, r] of spawning) results.set(id, r);
  return { assignment: a.manifest.id, loaded: true, items: results, ms: performance.now() - start };
}

/** An item that throws fails with the error's message rather than stopping the check. */
async function runItem(run: () => Promise<ItemResult>): Promise<ItemResult> {
  try {
    return await run();
  } catch (e) {
    return { pass: false, problems: [asGraderError(e).message] };
  }
}
