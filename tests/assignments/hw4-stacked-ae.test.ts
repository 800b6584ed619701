import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from './hw4-stacked-ae.variants.ts';

assignmentSuite('hw4', { bugs, alternatives });
