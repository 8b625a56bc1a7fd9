import { randomBytes } from 'node:crypto';
import type { Driver, Queryable } from '../types.js';

/** What a check may use besides the driver under test. */
export interface CheckContext {
  /** Makes another driver like the one under test (a check closes what it makes). */
  createDriver(): Promise<Driver>;
}

/** One conformance check: throws (an `AssertionError`) when the driver does not conform. */
export interface ConformanceCheck {
  readonly name: string;
  run(driver: Driver, context: CheckContext): Promise<void>;
}

/** Quotes an identifier (tests use hostile names on purpose). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A table name no other check (or concurrent run) uses, made hostile with a quote and a dot. */
export function uniqueTable(label: string): string {
  return `conf ${label} a"b.c ${randomBytes(3).toString('hex')}`;
}

/** Creates a table `(id int primary key, note text)` named `name`, runs `fn`, then drops it. */
export async function withTable(
  driver: Queryable,
  label: string,
  fn: (table: string) => Promise<void>,
  columns = 'id int PRIMARY KEY, note text',
): Promise<void> {
  const table = ident(uniqueTable(label));
  await driver.exec(`CREATE TABLE ${table} (${columns})`);
  try {
    await fn(table);
  } finally {
    await driver.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** The ids in `table`, sorted. */
export async function ids(driver: Queryable, table: string): Promise<number[]> {
  const { rows } = await driver.query<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`);
  return rows.map((r) => r.id);
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The error `promise` rejects with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`Expected ${what} to fail, but it succeeded`);
}
