import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Driver } from '@justscale/driver';
import { createPgDriver } from '@justscale/driver-pg';

export const serverUrl = process.env.DATABASE_URL;

/** `url` with its database replaced by `database`. */
export function urlOf(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** `count` fresh databases on the server; `drop()` removes them all. */
export async function serverDatabases(
  count: number,
): Promise<{ urls: string[]; names: string[]; admin: Driver; drop(): Promise<void> }> {
  const admin = createPgDriver({ connectionString: serverUrl!, max: 1 });
  const prefix = `justscale_fleet_${process.pid}_${randomBytes(3).toString('hex')}`;
  const names = Array.from({ length: count }, (_, i) => `${prefix}_${i}`);
  for (const name of names) await admin.exec(`CREATE DATABASE "${name}"`);
  return {
    urls: names.map((n) => urlOf(serverUrl!, n)),
    names,
    admin,
    async drop() {
      for (const name of names) await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}

/** Runs `fn` on a one-connection driver for `url`, then closes it. */
export async function onDatabase<T>(url: string, fn: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = createPgDriver({ connectionString: url, max: 1 });
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}

/** A URL on a port nothing listens on: a port-0 socket bound, then closed. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `postgres://fleet:s3cret-pw@127.0.0.1:${port}/gone`;
}
