/** A worker for tests/grader/worker-call.test.ts: answers with its thread id, throws or exits when asked. */
import { threadId } from 'node:worker_threads';
import { answerCalls } from '../../grader/worker-answers.ts';

answerCalls(async (request: { do: 'echo' | 'throw' | 'exit'; wait?: number }) => {
  if (request.wait) await new Promise((resolve) => setTimeout(resolve, request.wait));
  if (request.do === 'throw') throw new Error('asked to throw');
  if (request.do === 'exit') process.exit(3);
  return { threadId };
});
