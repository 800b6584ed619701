import inspector from 'node:inspector';
import { describe, expect, it } from 'vitest';
import { refuseInspectorSignal } from '../../grader/run/inspector-signal.ts';

describe('the grader and SIGUSR1', () => {
  it('keeps its inspector closed when a process of its user sends SIGUSR1', async () => {
    refuseInspectorSignal();
    process.kill(process.pid, 'SIGUSR1');
    await new Promise((r) => setTimeout(r, 300));
    expect(inspector.url()).toBeUndefined();
  });
});
