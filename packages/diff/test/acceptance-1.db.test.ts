import { describeAcceptance } from './support/acceptance.js';

// The acceptance corpus (packages/diff/test/cases), first half; the harness is support/acceptance.ts.
describeAcceptance(1, 2);
