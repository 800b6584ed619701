import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from '../../grader/paths.ts';

const run = promisify(execFile);

/** A maintenance script (`scripts/<name>.ts`) as a person runs it: its exit status and all it printed, uncoloured. */
export async function script(name: string, args: string[]): Promise<{ status: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    return { status: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { status: err.code, out: err.stdout + err.stderr };
  }
}
