import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from './hw3-rbm.variants.ts';

assignmentSuite('hw3', { bugs, alternatives });
