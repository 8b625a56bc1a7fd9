import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFleetRunner, type FleetProgress, sharedMigrationFiles } from '../src/index.js';
import { ledger, migrationName, migrationsDir, sharedDriver, tablesOf, writeMigration } from './helpers.js';

// Dozens of tenant schemas in one database (server and PGlite): one set of files serves them all.
const TENANTS = 30;
const MIGRATIONS = 5;
let test: TestDatabase;
let dir: Awaited<ReturnType<typeof migrationsDir>>;
const tenants = Array.from({ length: TENANTS }, (_, i) => (i === 7 ? `Tenant "${i}" ü` : `tenant_${i}`));
const targets = () => tenants.map((t) => ({ database: 'postgres://fleet.test/app', schema: t }));

beforeAll(async () => {
  test = await createTestDatabase();
  // A shared table the tenants' migrations can reference through search_path.
  await test.driver.exec('CREATE TABLE public.plans (id int PRIMARY KEY)');
  dir = await migrationsDir(MIGRATIONS);
});
afterAll(async () => {
  await dir?.cleanup();
  await test?.close();
});

describe('a tenant-schema fleet in one database', () => {
  it('migrates every tenant in its own schema, with its own tracking table, reading the files once', async () => {
    let reads = 0;
    const files = sharedMigrationFiles({
      readdir: async (d) => (await import('node:fs/promises')).readdir(d),
      readFile: async (p) => {
        reads++;
        return new Uint8Array(await (await import('node:fs/promises')).readFile(p));
      },
    });
    const progress: FleetProgress[] = [];
    const fleet = createFleetRunner(targets(), {
      directory: dir.path,
      concurrency: 4,
      connect: sharedDriver(test.driver),
      fs: files.fs,
      onProgress: (p) => progress.push(p),
    });
    const report = await fleet.migrate();
    expect(report.summary).toMatchObject({
      targets: TENANTS,
      done: TENANTS,
      failed: 0,
      skipped: 0,
      stopped: null,
    });
    expect(report.summary.migrations).toBe(TENANTS * MIGRATIONS);
    expect(reads).toBe(MIGRATIONS);
    expect(Math.max(...progress.map((p) => p.running))).toBeLessThanOrEqual(4);
    expect(progress.at(-1)).toMatchObject({ total: TENANTS, done: TENANTS, failed: 0, running: 0 });
    for (const tenant of tenants) {
      const expected = Array.from({ length: MIGRATIONS }, (_, i) => migrationName(i + 1));
      expect(await ledger(test.driver, tenant)).toEqual({
        log: Object.fromEntries(expected.map((n) => [n, 1])),
        tracked: expected,
      });
      expect(await tablesOf(test.driver, tenant)).toContain('t_1');
    }
    // Nothing landed in public but the shared table.
    expect(await tablesOf(test.driver, 'public')).toEqual(['plans']);
    const again = await fleet.migrate();
    expect(again.summary).toMatchObject({ done: TENANTS, migrations: 0 });
  });

  it('status shows pending per tenant, and drift when an applied file changed', async () => {
    await writeMigration(
      dir.path,
      MIGRATIONS + 1,
      'INSERT INTO plans VALUES (DEFAULT) ON CONFLICT DO NOTHING;\n'.replace('(DEFAULT)', '(1)'),
    );
    const fleet = createFleetRunner(targets(), { directory: dir.path, connect: sharedDriver(test.driver) });
    const status = await fleet.status();
    expect(status.targets.every((t) => t.status === 'pending')).toBe(true);
    expect(status.targets[0]!.pending).toEqual([migrationName(MIGRATIONS + 1)]);
    expect(status.summary).toMatchObject({ pending: TENANTS, drift: 0 });

    const migrated = await fleet.migrate();
    expect(migrated.summary).toMatchObject({ done: TENANTS, migrations: TENANTS });
    // The shared table was reached through search_path (public after the tenant).
    const { rows } = await test.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM public.plans');
    expect(rows[0]!.n).toBe(1);

    await writeFile(join(dir.path, `${migrationName(2)}.sql`), '-- up\nSELECT 1;\n');
    const drift = await createFleetRunner(targets(), {
      directory: dir.path,
      connect: sharedDriver(test.driver),
    }).status();
    expect(drift.targets.every((t) => t.status === 'drift' && t.changed[0] === migrationName(2))).toBe(true);
    expect(drift.summary.drift).toBe(TENANTS);
    // A migrate refuses the changed file on every target, and says which.
    const refused = await createFleetRunner(targets(), {
      directory: dir.path,
      connect: sharedDriver(test.driver),
      continueOnError: true,
    }).migrate();
    expect(refused.summary.failed).toBe(TENANTS);
    expect(refused.targets[0]!.error).toMatchObject({ code: 'MIGRATION_CHECKSUM_CHANGED' });
    await writeMigration(dir.path, 2);
  });

  it('rolls back the last batch on every tenant', async () => {
    const fleet = createFleetRunner(targets(), { directory: dir.path, connect: sharedDriver(test.driver) });
    const report = await fleet.rollback();
    expect(report.summary).toMatchObject({ done: TENANTS, migrations: TENANTS });
    expect(report.targets[3]!.pending).toEqual([migrationName(MIGRATIONS + 1)]);
    for (const tenant of tenants)
      expect(await tablesOf(test.driver, tenant)).not.toContain(`t_${MIGRATIONS + 1}`);
  });
});
