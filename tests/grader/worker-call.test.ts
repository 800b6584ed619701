import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../grader/paths.ts';
import { callInWorker } from '../../grader/worker-call.ts';

const ECHO = 'tests/support/echo-worker.ts';
type Echo = { threadId: number };
const call = (request: { do: 'echo' | 'throw' | 'exit'; wait?: number }) => callInWorker<Echo>(ECHO, request);

describe('grader modules in a worker thread', () => {
  it('answers every call, several at once, from one worker kept for the process', async () => {
    const [a, b] = await Promise.all([call({ do: 'echo', wait: 50 }), call({ do: 'echo' })]);
    const c = await call({ do: 'echo' });
    expect(new Set([a.threadId, b.threadId, c.threadId]).size).toBe(1);
  });

  it("rejects a call with what the worker threw, and the worker answers the next one", async () => {
    const before = await call({ do: 'echo' });
    await expect(call({ do: 'throw' })).rejects.toThrow('asked to throw');
    expect(await call({ do: 'echo' })).toEqual(before);
  });

  it('fails the calls waiting on a worker that exits, and starts a new one for the next', async () => {
    const before = await call({ do: 'echo' });
    const waiting = call({ do: 'echo', wait: 500 });
    await expect(call({ do: 'exit' })).rejects.toThrow(`the worker for ${ECHO} exited with code 3`);
    await expect(waiting).rejects.toThrow('exited with code 3');
    expect((await call({ do: 'echo' })).threadId).not.toBe(before.threadId);
  });

  it('does not keep a process alive once no call is waiting', () => {
    const script = `import('${ROOT}/grader/worker-call.ts').then((m) => m.callInWorker('${ECHO}', { do: 'echo' })).then((a) => console.log(typeof a.threadId));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect([r.status, r.stdout.trim()]).toEqual([0, 'number']);
  });
});
