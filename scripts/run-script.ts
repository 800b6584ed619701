import pc from 'picocolors';
import { asGraderError } from '../grader/errors.ts';

/** Runs a maintenance script with the usage line and error style every script shares; without `argsOptional`, no arguments is a usage error. */
export async function runScript(usage: string, body: (args: string[]) => Promise<void>, opts: { argsOptional?: boolean } = {}): Promise<void> {
  const args = process.argv.slice(2);
  if ((!args.length && !opts.argsOptional) || args.includes('--help')) {
    console.error(`usage: ${usage}`);
    process.exitCode = args.length ? 0 : 2;
    return;
  }
  try {
    await body(args);
  } catch (e) {
    const err = asGraderError(e);
    console.error(`${pc.red('error:')} ${err.message}`);
    if (err.code === 'INTERNAL') console.error(err.cause instanceof Error ? err.cause.stack : err.stack);
    process.exitCode = err.exitStatus || 1;
  }
}
