export type { CheckContext, ConformanceCheck } from './check.js';
export { conformanceCheck, conformanceChecks } from './checks.js';
export { type ConformanceOptions, describeDriverConformance } from './describe.js';
export { errorChecks } from './errors.js';
export { lifecycleChecks } from './lifecycle.js';
export { scriptChecks } from './scripts.js';
export { sessionChecks } from './sessions.js';
export { transactionChecks } from './transactions.js';
export { valueChecks } from './values.js';
