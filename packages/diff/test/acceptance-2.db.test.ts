import { describeAcceptance } from './support/acceptance.js';

// The acceptance corpus (packages/diff/test/cases), second half; the harness is support/acceptance.ts.
describeAcceptance(2, 2);
