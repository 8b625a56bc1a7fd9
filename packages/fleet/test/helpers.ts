import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from '@justscale/driver';
import type { FleetConnect } from '../src/index.js';

/** A migrations folder of `count` .sql files; migration i creates table t_i and logs itself once. */
export async function migrationsDir(count: number): Promise<{ path: string; cleanup(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'justscale-fleet-'));
  for (let i = 1; i <= count; i++) await writeMigration(path, i);
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

export function migrationName(i: number): string {
  return `${String(i).padStart(3, '0')}_step`;
}

export async function writeMigration(dir: string, i: number, extra = ''): Promise<void> {
  const first = i === 1 ? 'CREATE TABLE applied_log (name text NOT NULL);\n' : '';
  await writeFile(
    join(dir, `${migrationName(i)}.sql`),
    `-- up\n${first}CREATE TABLE t_${i} (id int PRIMARY KEY);\nINSERT INTO applied_log VALUES ('${migrationName(i)}');\n${extra}` +
      `-- down\nDROP TABLE t_${i};\nDELETE FROM applied_log WHERE name = '${migrationName(i)}';\n${i === 1 ? 'DROP TABLE applied_log;\n' : ''}`,
  );
}

/** A connector handing out `driver` for every database, and leaving it open. */
export function sharedDriver(driver: Driver): FleetConnect {
  return async () => ({ driver, close: async () => undefined });
}

/** Tables of `schema`, sorted. */
export async function tablesOf(driver: Driver, schema: string): Promise<string[]> {
  const { rows } = await driver.query<{ name: string }>(
    'SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = $1 ORDER BY 1',
    [schema],
  );
  return rows.map((r) => r.name);
}

/** How many times each migration ran on `schema` (from its log), and what its tracking table holds. */
export async function ledger(
  driver: Driver,
  schema: string,
): Promise<{ log: Record<string, number>; tracked: string[] }> {
  const q = `"${schema.replaceAll('"', '""')}"`;
  const log: Record<string, number> = {};
  const { rows } = await driver.query<{ name: string; n: number }>(
    `SELECT name, count(*)::int AS n FROM ${q}.applied_log GROUP BY name ORDER BY name`,
  );
  for (const row of rows) log[row.name] = row.n;
  const tracked = await driver.query<{ name: string }>(`SELECT name FROM ${q}._migrations ORDER BY id`);
  return { log, tracked: tracked.rows.map((r) => r.name) };
}
