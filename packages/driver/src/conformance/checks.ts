import type { ConformanceCheck } from './check.js';
import { errorChecks } from './errors.js';
import { lifecycleChecks } from './lifecycle.js';
import { scriptChecks } from './scripts.js';
import { sessionChecks } from './sessions.js';
import { transactionChecks } from './transactions.js';
import { valueChecks } from './values.js';

/** Every conformance check, as plain functions that throw when a driver does not conform. */
export const conformanceChecks: readonly ConformanceCheck[] = [
  ...valueChecks,
  ...transactionChecks,
  ...sessionChecks,
  ...errorChecks,
  ...scriptChecks,
  ...lifecycleChecks,
];

/** The check named `name` (throws when there is none). */
export function conformanceCheck(name: string): ConformanceCheck {
  const check = conformanceChecks.find((c) => c.name === name);
  if (!check) {
    throw new Error(`No conformance check named '${name}'`);
  }
  return check;
}
