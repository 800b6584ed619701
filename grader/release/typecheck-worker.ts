/** Worker thread entry: type-checks one file off the main thread (a few seconds that would stall the gradings running beside it). */
import { answerCalls } from '../worker-answers.ts';
import { typeErrors } from './typecheck-file.ts';

answerCalls(({ file }: { file: string }) => typeErrors(file));
