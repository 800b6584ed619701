import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from './hw1-kmeans.variants.ts';

assignmentSuite('hw1', { bugs, alternatives });
