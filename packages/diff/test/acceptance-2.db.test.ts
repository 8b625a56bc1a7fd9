import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allCases,
  closeAcceptanceDatabase,
  openAcceptanceDatabase,
  runCase,
  shardOf,
} from './support/acceptance.js';

// The acceptance corpus (packages/diff/test/cases), second half (every other case); the harness,
// with the assertions each case makes, is support/acceptance.ts.
const cases = shardOf(2, 2);

describe('acceptance corpus (part 2 of 2)', () => {
  beforeAll(openAcceptanceDatabase);
  afterAll(closeAcceptanceDatabase);

  it('holds its half of a corpus of at least 80 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(80);
    expect(cases.length).toBe(Math.floor(allCases.length / 2));
  });

  it.each(cases)('%s', (name) => runCase(name));
});
