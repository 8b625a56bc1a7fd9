import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFleetRunner, type FleetReport } from '../src/index.js';
import { ledger, migrationName, migrationsDir } from './helpers.js';
import { closedPortUrl, onDatabase, serverDatabases, serverUrl } from './server.js';

// Dozens of databases on the local server: server only (PGlite has one database per instance).
const DATABASES = 24;
const MIGRATIONS = 4;
const all = Array.from({ length: MIGRATIONS }, (_, i) => migrationName(i + 1));

let dbs: Awaited<ReturnType<typeof serverDatabases>>;
let dir: Awaited<ReturnType<typeof migrationsDir>>;

beforeAll(async () => {
  if (!serverUrl) return;
  dbs = await serverDatabases(DATABASES);
  dir = await migrationsDir(MIGRATIONS);
});
afterAll(async () => {
  await dir?.cleanup();
  await dbs?.drop();
});

async function expectComplete(url: string, schema = 'public'): Promise<void> {
  const state = await onDatabase(url, (driver) => ledger(driver, schema));
  expect(state).toEqual({ log: Object.fromEntries(all.map((n) => [n, 1])), tracked: all });
}

const byStatus = (report: FleetReport) =>
  report.targets.reduce<Record<string, number>>((acc, t) => {
    acc[t.status] = (acc[t.status] ?? 0) + 1;
    return acc;
  }, {});

describe.skipIf(!serverUrl)('a fleet of databases on one server', () => {
  it('a failed canary stops everything: nothing else starts', async () => {
    // The second canary already has a table the first migration creates.
    await onDatabase(dbs.urls[1]!, (d) => d.exec('CREATE TABLE applied_log (x int)'));
    const report = await createFleetRunner(dbs.urls, {
      directory: dir.path,
      canary: 2,
      continueOnError: true,
    }).migrate();
    expect(report.summary).toMatchObject({ stopped: 'canary', failed: 1, done: 1, skipped: DATABASES - 2 });
    expect(report.targets[1]).toMatchObject({
      status: 'failed',
      error: { code: 'MIGRATION_FAILED' },
      pending: all,
    });
    expect(report.targets[1]!.error!.message).toContain('001_step');
    for (const url of dbs.urls.slice(2, 6)) {
      const { rows } = await onDatabase(url, (d) =>
        d.query("SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = '_migrations'"),
      );
      expect(rows).toEqual([]);
    }
    await onDatabase(dbs.urls[1]!, (d) => d.exec('DROP TABLE applied_log'));
  });

  it('an unreachable target fails with its reason and, without --continue-on-error, stops the scheduling', async () => {
    const gone = await closedPortUrl();
    const report = await createFleetRunner([dbs.urls[0]!, gone, ...dbs.urls.slice(2)], {
      directory: dir.path,
      concurrency: 1,
    }).migrate();
    expect(report.summary).toMatchObject({ stopped: 'failure', failed: 1, done: 1, skipped: DATABASES - 2 });
    const failed = report.targets[1]!;
    expect(failed.error!.code).toBe('CONNECTION_FAILED');
    expect(failed.error!.message).toMatch(/ECONNREFUSED|connect/);
    expect(failed.target).toContain('fleet:***@');
    expect(JSON.stringify(report)).not.toContain('s3cret-pw');
    // Reading changes nothing: status reads every other target past the unreachable one.
    const status = await createFleetRunner([dbs.urls[0]!, gone, ...dbs.urls.slice(2)], {
      directory: dir.path,
      concurrency: 1,
    }).status();
    expect(status.summary).toMatchObject({ stopped: null, failed: 1, skipped: 0, done: DATABASES - 1 });
  });

  it('under continueOnError every reachable database is migrated; a rerun retries only what is not done', async () => {
    const gone = await closedPortUrl();
    const first = await createFleetRunner([gone, ...dbs.urls], {
      directory: dir.path,
      continueOnError: true,
    }).migrate();
    expect(byStatus(first)).toEqual({ failed: 1, done: DATABASES });
    // Target 0 was migrated by the previous test, the others now.
    expect(first.targets.slice(2).every((t) => t.applied.length === MIGRATIONS)).toBe(true);
    expect(first.targets[1]!.applied).toEqual([]);
    for (const url of dbs.urls) await expectComplete(url);

    const rerun = await createFleetRunner(dbs.urls, { directory: dir.path, concurrency: 8 }).migrate();
    expect(rerun.summary).toMatchObject({ done: DATABASES, failed: 0, migrations: 0 });
    const status = await createFleetRunner(dbs.urls, { directory: dir.path }).status();
    expect(status.targets.every((t) => t.status === 'up-to-date' && t.applied.length === MIGRATIONS)).toBe(
      true,
    );
  });

  it('targets from a query: a tenant added between runs catches up', async () => {
    const control = dbs.urls[0]!;
    await onDatabase(control, (d) =>
      d.exec("CREATE TABLE tenants (schema_name text); INSERT INTO tenants VALUES ('acme'), ('globex');"),
    );
    const fleet = createFleetRunner(
      { query: 'SELECT schema_name FROM tenants ORDER BY 1', database: control },
      { directory: dir.path },
    );
    const first = await fleet.migrate();
    expect(first.targets.map((t) => [t.schema, t.applied.length])).toEqual([
      ['acme', MIGRATIONS],
      ['globex', MIGRATIONS],
    ]);
    await onDatabase(control, (d) => d.exec("INSERT INTO tenants VALUES ('initech')"));
    const pending = await fleet.pending();
    expect(pending.targets.map((t) => [t.schema, t.status])).toEqual([
      ['acme', 'up-to-date'],
      ['globex', 'up-to-date'],
      ['initech', 'pending'],
    ]);
    const second = await fleet.migrate();
    expect(second.targets.map((t) => [t.schema, t.applied.length])).toEqual([
      ['acme', 0],
      ['globex', 0],
      ['initech', MIGRATIONS],
    ]);
    for (const schema of ['acme', 'globex', 'initech']) await expectComplete(control, schema);
  });

  it('rolls back every database', async () => {
    const report = await createFleetRunner(dbs.urls.slice(0, 6), { directory: dir.path }).rollback({
      all: true,
    });
    expect(report.summary).toMatchObject({ done: 6, migrations: 6 * MIGRATIONS });
    expect(report.targets[0]!.pending).toEqual(all);
  });
});
