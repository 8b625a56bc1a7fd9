import { randomBytes } from 'node:crypto';
import type { Driver } from '@justscale/driver';
import { createPostgresDriver } from '@justscale/driver-postgres';

/** A uniquely named database on a server, and the driver connected to it. */
export interface ServerDatabase {
  readonly driver: Driver;
  readonly url: string;
  drop(): Promise<void>;
}

let counter = 0;

/** `url` with its database name replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function admin<T>(url: string, fn: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = createPostgresDriver(url, { max: 1 });
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}

/**
 * Creates a fresh database through the server at `url`, with `extensions` created in it; `drop()`
 * closes the driver and drops the database `WITH (FORCE)`.
 */
export async function createServerDatabase(
  url: string,
  extensions: readonly string[],
): Promise<ServerDatabase> {
  counter += 1;
  const name = `justscale_test_${process.pid}_${counter}_${randomBytes(4).toString('hex')}`;
  await admin(url, (driver) => driver.exec(`CREATE DATABASE ${quoteIdent(name)}`));
  const databaseUrl = withDatabase(url, name);
  const driver = createPostgresDriver(databaseUrl);
  try {
    for (const extension of extensions) {
      await driver.exec(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension)}`);
    }
  } catch (error) {
    await driver.close();
    await admin(url, (a) => a.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    throw error;
  }
  return {
    driver,
    url: databaseUrl,
    drop: async () => {
      await driver.close();
      await admin(url, (a) => a.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}
