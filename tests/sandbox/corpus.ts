/**
 * The hostile-submission corpus: each file in submissions/ attacks `scale`
 * of the sandbox assignment (sandbox-assignment.ts) and is graded once. For
 * each: the exact score, the exact line of both `scale` cases (`total`, the
 * innocent part, must pass unless the submission does not compile or load:
 * score 0), and the report's warnings.
 */
export interface Hostile {
  /** submissions/<name>.ts */
  name: string;
  /** The bullet it belongs to. */
  bullet: 'reaches the grader' | 'compile step' | 'secrets and network' | 'channel and observations' | 'output' | 'held before';
  score: number;
  /** The status and message of both `scale` cases, paths normalised (hostile.ts). */
  scale: string;
  warnings?: string[];
  timeLimitMs?: number;
  memoryMb?: number;
  /** Also run where no OS sandbox is available (its defences without privileges). */
  withoutOsSandbox?: boolean;
}

const threw = (message: string) => `error: threw (at solution.ts:<line>): ${message}`;
const noNetwork = (what: string) => threw(`${what} is not available to submissions (no network in the grader)`);
const onlyOwnProcess = (what: string) => threw(`${what}(<grader-pid>): submissions may only signal their own process`);
const compileError = (where: string, message: string, line: string) =>
  `error: the submission does not compile: <tmp>/tfgrade-hostile-<id>/imports-${where}/solution.ts:${message}\n    ${line}`;
const denied = threw('Access to this API has been restricted');
const restarted = (n: number) => `The student process was restarted ${n} time(s) after a hang or crash.`;
const noToken = 'the student process sent a frame without the channel token (something other than the harness wrote to the channel)';

export const CORPUS: Hostile[] = [
  { name: 'kills-grader', bullet: 'reaches the grader', score: 40, scale: onlyOwnProcess('process.kill'), withoutOsSandbox: true },
  { name: 'stops-grader', bullet: 'reaches the grader', score: 40, scale: onlyOwnProcess('process.kill'), withoutOsSandbox: true },
  { name: 'opens-grader-inspector', bullet: 'reaches the grader', score: 40, scale: onlyOwnProcess('process.kill'), withoutOsSandbox: true },
  { name: 'kills-grader-through-binding', bullet: 'reaches the grader', score: 40, scale: onlyOwnProcess('process._kill'), withoutOsSandbox: true },
  { name: 'lowers-grader-priority', bullet: 'reaches the grader', score: 40, scale: onlyOwnProcess('os.setPriority'), withoutOsSandbox: true },

  { name: 'imports-reference', bullet: 'compile step', score: 0, scale: compileError('reference', "3:23: imports '<solution>/solution.ts': it is outside the submission's folder", "export { scale } from '<solution>/solution.ts';") },
  { name: 'imports-hidden-fixture', bullet: 'compile step', score: 0, scale: compileError('hidden-fixture', "3:20: imports '<solution>/fixtures/hidden/scale.h1.json': it is outside the submission's folder", "import hidden from '<solution>/fixtures/hidden/scale.h1.json';") },
  { name: 'imports-dev-zero', bullet: 'compile step', score: 0, scale: compileError('dev-zero', "3:18: imports '/dev/zero': it is outside the submission's folder", "import zero from '/dev/zero' with { type: 'text' };") },
  { name: 'imports-through-symlink', bullet: 'compile step', score: 0, scale: compileError('through-symlink', "3:23: imports './linked.ts': it is outside the submission's folder", "export { scale } from './linked.ts';") },
  { name: 'imports-fifo', bullet: 'compile step', score: 0, scale: compileError('fifo', '3:23: fifo.ts is not a regular file', "export { scale } from './fifo.ts';") },
  { name: 'imports-huge-file', bullet: 'compile step', score: 0, scale: compileError('huge-file', '3:17: big.json is larger than 1024 KB', "import big from './big.json';") },

  { name: 'prints-environment', bullet: 'secrets and network', score: 100, scale: 'passed: passed', withoutOsSandbox: true },
  { name: 'fetches', bullet: 'secrets and network', score: 40, scale: threw('fetch is not defined'), withoutOsSandbox: true },
  { name: 'connects-tcp', bullet: 'secrets and network', score: 40, scale: noNetwork('net.connect'), withoutOsSandbox: true },
  { name: 'connects-through-socket-class', bullet: 'secrets and network', score: 40, scale: noNetwork('net.Socket.connect'), withoutOsSandbox: true },
  { name: 'sends-udp', bullet: 'secrets and network', score: 40, scale: noNetwork('dgram.createSocket'), withoutOsSandbox: true },
  { name: 'requests-http', bullet: 'secrets and network', score: 40, scale: noNetwork('http.get'), withoutOsSandbox: true },
  { name: 'imports-net-dynamically', bullet: 'secrets and network', score: 40, scale: noNetwork('net.connect'), withoutOsSandbox: true },
  { name: 'resolves-dns', bullet: 'secrets and network', score: 40, scale: noNetwork('dns.resolve4'), withoutOsSandbox: true },
  { name: 'takes-heap-snapshot', bullet: 'secrets and network', score: 40, scale: noNetwork('v8.getHeapSnapshot') },

  { name: 'writes-garbage-to-channel', bullet: 'channel and observations', score: 40, scale: `crashed: ${noToken} during this case`, warnings: [restarted(2)] },
  { name: 'forges-a-frame', bullet: 'channel and observations', score: 40, scale: `crashed: ${noToken} during this case`, warnings: [restarted(2)] },
  { name: 'claims-backend-failure-while-loading', bullet: 'channel and observations', score: 0, scale: `error: ${noToken} while loading solution.ts` },
  {
    name: 'hides-damage-with-patched-builtins',
    bullet: 'channel and observations',
    score: 40,
    scale: 'failed: inputs left intact: the function disposed or changed its inputs: argument 1 (disposed)',
    warnings: [restarted(2), ...['p1', 'h1'].map((c) => `scale/${c} replaced Object.entries, which every case shares: the cases after it ran in a fresh process.`)],
  },
  { name: 'hides-disposal-with-patched-tensor', bullet: 'channel and observations', score: 40, scale: 'failed: inputs left intact: the function disposed or changed its inputs: argument 1 (disposed)', warnings: [restarted(2), ...['p1', 'h1'].map((c) => `scale/${c} replaced tf.Tensor.prototype.isDisposed, which every case shares: the cases after it ran in a fresh process.`)] },
  {
    name: 'hides-leaks-with-patched-engine',
    bullet: 'channel and observations',
    score: 100,
    scale: 'passed: passed (leaked 5 tensors: wrap the work in tf.tidy or dispose intermediates)',
    warnings: [restarted(2), ...['p1', 'h1'].map((c) => `scale/${c} replaced tf.engine().memory, which every case shares: the cases after it ran in a fresh process.`)],
  },
  { name: 'leaves-a-rejection-behind', bullet: 'channel and observations', score: 40, scale: threw('work this function left running threw after it returned: late failure') },
  { name: 'leaves-a-timer-behind', bullet: 'channel and observations', score: 100, scale: 'passed: passed' },
  { name: 'fakes-a-small-tensor', bullet: 'channel and observations', score: 40, scale: 'failed: output claims shape [3] (3 elements) but holds 50000000 values' },
  { name: 'returns-a-huge-tensor', bullet: 'channel and observations', score: 40, scale: 'failed: output: output holds more than 47 MB of tensor data', timeLimitMs: 10_000 },
  { name: 'returns-a-huge-string', bullet: 'channel and observations', score: 40, scale: 'failed: output is a string of 70000000 characters (at most 1000000)', timeLimitMs: 10_000 },

  { name: 'prints-escape-sequences', bullet: 'output', score: 40, scale: threw('\u001b[32m✔ passed\u001b[0m') },
  { name: 'throws-a-huge-message', bullet: 'output', score: 40, scale: threw(`${'x'.repeat(1962)}… (19998000 more characters not shown)`), timeLimitMs: 15_000 },

  { name: 'reads-hidden-fixtures', bullet: 'held before', score: 40, scale: denied, withoutOsSandbox: true },
  { name: 'writes-outside', bullet: 'held before', score: 40, scale: denied, withoutOsSandbox: true },
  { name: 'poisons-the-code-cache', bullet: 'held before', score: 40, scale: denied, withoutOsSandbox: true },
  { name: 'spawns-a-process', bullet: 'held before', score: 40, scale: denied, withoutOsSandbox: true },
  { name: 'starts-a-worker', bullet: 'held before', score: 40, scale: denied },
  { name: 'fills-memory-with-tensors', bullet: 'held before', score: 40, scale: 'crashed: the student process used more than 600 MB of memory and was stopped during this case', warnings: [restarted(2)], timeLimitMs: 15_000, memoryMb: 600 },
];
