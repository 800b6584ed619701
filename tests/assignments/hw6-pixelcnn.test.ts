import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from './hw6-pixelcnn.variants.ts';

assignmentSuite('hw6', { bugs, alternatives });
