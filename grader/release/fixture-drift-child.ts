/**
 * Child process entry: the fixture drift of one assignment, printed as a
 * JSON list of problems. Regenerating computes inputs and diagnoses in its
 * own process for seconds at a time; in the check's process that would stall
 * the event loop while the gradings beside it time their student processes.
 */
import { fixtureDrift } from '../authoring/fixture-drift.ts';
import { courseLayout } from '../definition/course-layout.ts';
import { loadAssignment } from '../definition/load-assignment.ts';
import { asGraderError } from '../errors.ts';

const [root, name] = process.argv.slice(2);
let problems: string[];
try {
  problems = await fixtureDrift(loadAssignment(name, courseLayout(root)));
} catch (e) {
  problems = [asGraderError(e).message];
}
process.stdout.write(`${JSON.stringify(problems)}\n`);
