/** Item: the reference scores 100 on every backend available, each check within a tenth of its tolerance. */
import path from 'node:path';
import { availableBackends } from '../backends.ts';
import { calibrationRows, CALIBRATION_LIMIT, isLowMargin, marginOf } from '../calibration.ts';
import { fromProblems, type ReleaseItem } from '../release-item.ts';
import { backendDisagreements, failedCases } from './graded-failures.ts';

export const referenceItem: ReleaseItem = {
  id: 'reference',
  proves: `the reference scores 100 on every backend available, each check using at most ${CALIBRATION_LIMIT} of its tolerance`,
  spawns: true,
  async run({ a, grade }) {
    const file = path.join(a.solutionDir, a.manifest.entry);
    const graded = await Promise.all(availableBackends().map(async (backend) => ({ backend, results: await grade(file, backend) })));
    const problems: string[] = [];
    for (const { backend, results } of graded) {
      problems.push(...failedCases(results).map((f) => `${backend}: ${f}`));
      problems.push(...backendDisagreements(results).map((d) => `${backend}: passes only on the cpu recheck: ${d}`));
      if (results.status === 'graded' && results.score !== results.maxScore) problems.push(`${backend}: scores ${results.score}/${results.maxScore}`);
    }
    const calibration = graded.flatMap(({ results }) => (results.status === 'graded' ? calibrationRows(a, results) : []));
    for (const row of calibration.filter(isLowMargin)) {
      problems.push(`${row.backend}: ${row.case} ${row.check}: uses ${percent(row.used!)} of its tolerance ${row.tolerance} (margin ${marginOf(row.used!).toFixed(1)}x, at least ${1 / CALIBRATION_LIMIT}x wanted)`);
    }
    return fromProblems(problems, calibration);
  },
};

const percent = (x: number): string => `${(100 * x).toPrecision(2)}%`;
