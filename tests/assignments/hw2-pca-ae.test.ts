import { assignmentSuite } from '../support/assignment-suite.ts';
import { alternatives, bugs } from '../../solutions/hw2-pca-ae/variants.ts';

assignmentSuite('hw2', { bugs, alternatives });
