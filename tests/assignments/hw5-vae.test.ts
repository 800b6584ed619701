import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from './hw5-vae.variants.ts';

assignmentSuite('hw5', { bugs, alternatives });
