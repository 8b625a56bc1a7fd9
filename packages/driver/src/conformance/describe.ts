import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Driver } from '../types.js';
import type { ConformanceCheck } from './check.js';
import { conformanceChecks } from './checks.js';

/** Options of `describeDriverConformance`. */
export interface ConformanceOptions {
  /** When a string, the suite is skipped and the string says why (e.g. no server configured). */
  readonly skip?: string | false | undefined;
  /** Run only these checks (default: all of `conformanceChecks`). */
  readonly checks?: readonly ConformanceCheck[];
}

/**
 * Registers the driver conformance suite with vitest: one test per check, against a driver from
 * `factory` (called once for the suite, and again by checks that need a driver of their own).
 *
 * @example
 * import { describeDriverConformance } from '@justscale/driver/conformance';
 * describeDriverConformance('pglite', () => createPgliteDriver());
 */
export function describeDriverConformance(
  name: string,
  factory: () => Promise<Driver>,
  options: ConformanceOptions = {},
): void {
  const checks = options.checks ?? conformanceChecks;
  if (options.skip) {
    describe.skip(`driver conformance: ${name} (skipped: ${options.skip})`, () => {
      for (const check of checks) {
        it(check.name, () => undefined);
      }
    });
    return;
  }
  describe(`driver conformance: ${name}`, () => {
    let driver: Driver | undefined;
    beforeAll(async () => {
      driver = await factory();
    });
    afterAll(async () => {
      await driver?.close();
    });
    for (const check of checks) {
      it(check.name, async () => {
        if (!driver) {
          throw new Error('The driver factory failed');
        }
        await check.run(driver, { createDriver: factory });
      });
    }
  });
}
