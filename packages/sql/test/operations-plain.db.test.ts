import { plainNames } from './base.js';
import { operationSuite } from './suite.js';

// Every case on a real database (see suite.ts), one file per name set so that they run in parallel.
operationSuite('plain', plainNames);
