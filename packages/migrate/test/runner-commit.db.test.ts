import type { Driver, Queryable } from '@justscale/driver';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMigrationRunner, MigrationFailedError } from '../src/index.js';
import { type MigrationDir, migrationDir, tableMigration, tsTableMigration } from './helpers.js';

// How the runner ends each migration's transaction: the tracking row shares the COMMIT's round
// trip, and every commit but the run's last skips the wait for the WAL flush (docs/runner.md).

let test: TestDatabase;
let dir: MigrationDir;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.close();
});
beforeEach(async () => {
  await test.driver.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  dir = await migrationDir();
});
afterEach(async () => {
  await dir.cleanup();
});

/** The driver, with every statement sent on a session recorded (one entry per round trip). */
function recording(driver: Driver): { driver: Driver; sent: string[] } {
  const sent: string[] = [];
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      sent.push(sql);
      return q.query(sql, params);
    },
    exec: (sql) => {
      sent.push(sql);
      return q.exec(sql);
    },
    transaction: (fn) => q.transaction((tx) => fn(wrap(tx))),
  });
  return { driver: { ...driver, session: (fn) => driver.session((s) => fn(wrap(s))) }, sent };
}

/** PGlite runs in this process and dies with it: there the runner never skips the wait for the disk. */
const inProcess = () => test.driver.name === 'pglite';

async function tracked(): Promise<string[]> {
  const { rows } = await test.driver.query<{ name: string }>(
    'SELECT name FROM public._migrations ORDER BY id',
  );
  return rows.map((r) => r.name);
}

describe('the runner ends each migration in as few round trips as psql', () => {
  it('BEGIN with the first statement, then the tracking row with COMMIT: two round trips a migration', async () => {
    for (const t of ['a', 'b', 'c'])
      await dir.write(`00${['a', 'b', 'c'].indexOf(t) + 1}_${t}.sql`, tableMigration(t));
    const { driver, sent } = recording(test.driver);
    const runner = createMigrationRunner(driver, { directory: dir.path });
    await runner.migrate();
    const first = sent.findIndex((s) => s.startsWith('BEGIN'));
    const perMigration = sent.slice(first, sent.findLastIndex((s) => s.endsWith('COMMIT')) + 1);
    expect(perMigration).toHaveLength(6);
    const begin = inProcess() ? 'BEGIN;\n' : 'BEGIN; SET LOCAL synchronous_commit = off;\n';
    expect(perMigration[0]?.startsWith(`${begin}CREATE TABLE "a"`)).toBe(true);
    expect(perMigration[1]).toMatch(/^INSERT INTO "public"\."_migrations" .*'001_a'.*;\nCOMMIT$/s);
    // The run's last commit is a plain, synchronous one: it flushes every earlier commit too.
    expect(perMigration[4]?.startsWith('BEGIN;\nCREATE TABLE "c"')).toBe(true);
    expect(await tracked()).toEqual(['001_a', '002_b', '003_c']);

    sent.length = 0;
    await runner.rollback({ all: true });
    const down = sent.filter((s) => /COMMIT$/.test(s));
    expect(down).toHaveLength(3);
    expect(down[0]).toMatch(/^DELETE FROM "public"\."_migrations" WHERE name = '003_c';\nCOMMIT$/);
    expect(await tracked()).toEqual([]);
  });

  it('sends BEGIN alone before a parameterised query, and with the tracking row when up sends nothing', async () => {
    await dir.write(
      '001_q.mjs',
      'export default { async up({ db }) { await db.query("SELECT $1::int AS n", [1]); await db.raw("CREATE TABLE q (id int)"); }, async down({ db }) { await db.raw("DROP TABLE q"); } };',
    );
    await dir.write('002_empty.mjs', 'export default { async up() {}, async down() {} };');
    const { driver, sent } = recording(test.driver);
    await createMigrationRunner(driver, { directory: dir.path }).migrate();
    const first = sent.findIndex((s) => s.startsWith('BEGIN'));
    const run = sent.slice(first, sent.findLastIndex((s) => s.endsWith('COMMIT')) + 1);
    const begin = inProcess() ? 'BEGIN;\n' : 'BEGIN; SET LOCAL synchronous_commit = off;\n';
    expect(run.slice(0, 3)).toEqual([begin, 'SELECT $1::int AS n', 'CREATE TABLE q (id int)']);
    expect(run[3]).toMatch(/^INSERT INTO "public"\."_migrations" .*'001_q'.*;\nCOMMIT$/s);
    expect(run[4]).toMatch(/^BEGIN;\nINSERT INTO "public"\."_migrations" .*'002_empty'.*;\nCOMMIT$/s);
    expect(run).toHaveLength(5);
    expect(await tracked()).toEqual(['001_q', '002_empty']);
  });

  it('a run with nothing pending is three round trips: the lock, the tracking table in one read, the unlock', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_b.ts', tsTableMigration('b'));
    const { driver, sent } = recording(test.driver);
    const runner = createMigrationRunner(driver, { directory: dir.path });
    // The first run finds no table: the read is refused, and the table created.
    expect((await runner.migrate()).map((m) => m.name)).toEqual(['001_a', '002_b']);
    expect(sent.slice(0, 3).map((s) => s.split('\n')[0])).toEqual([
      'SELECT pg_catalog.pg_advisory_lock($1::pg_catalog.int8)',
      'SELECT c.has_checksum, m.id, m.name, m.batch, m.applied_at, m.checksum',
      'SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1',
    ]);
    sent.length = 0;
    expect(await runner.migrate()).toEqual([]);
    expect(sent.map((s) => s.split('\n')[0])).toEqual([
      'SELECT pg_catalog.pg_advisory_lock($1::pg_catalog.int8)',
      'SELECT c.has_checksum, m.id, m.name, m.batch, m.applied_at, m.checksum',
      'SELECT pg_catalog.pg_advisory_unlock($1::pg_catalog.int8)',
    ]);
    // The checksums are still checked against the rows that one read returned.
    await dir.write('001_a.sql', tableMigration('a_changed'));
    sent.length = 0;
    await expect(runner.migrate()).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_CHANGED' });
    expect(sent).toHaveLength(3);
  });

  it('runs every migration but the last with synchronous_commit off, inside its own transaction only (on PGlite, none)', async () => {
    for (const i of [1, 2, 3]) {
      await dir.write(
        `00${i}_m${i}.sql`,
        `-- up\nCREATE TABLE m${i} AS SELECT pg_catalog.current_setting('synchronous_commit') AS setting;\n-- down\nDROP TABLE m${i};\n`,
      );
    }
    await createMigrationRunner(test.driver, { directory: dir.path }).migrate();
    const settings: string[] = [];
    for (const i of [1, 2, 3]) {
      const { rows } = await test.driver.query<{ setting: string }>(`SELECT setting FROM m${i}`);
      settings.push(rows[0]!.setting);
    }
    expect(settings).toEqual(inProcess() ? ['on', 'on', 'on'] : ['off', 'off', 'on']);
    await test.driver.session(async (s) => {
      const { rows } = await s.query<{ setting: string }>(
        "SELECT pg_catalog.current_setting('synchronous_commit') AS setting",
      );
      expect(rows[0]?.setting).toBe('on');
    });
  });

  it('a failing migration after asynchronous commits flushes them, and records nothing of its own', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    const failing = await dir.write(
      '002_b.sql',
      '-- up\nCREATE TABLE b (id int);\nSELECT * FROM no_such_table;\n',
    );
    await dir.write('003_c.sql', tableMigration('c'));
    const { driver, sent } = recording(test.driver);
    const error = await createMigrationRunner(driver, { directory: dir.path })
      .migrate()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).file).toBe(failing);
    expect((error as MigrationFailedError).message).toContain(
      /* counted from the file's first line */ 'LINE 3: SELECT * FROM no_such_table;',
    );
    expect(sent).toContain('ROLLBACK');
    // Only asynchronous commits need the flush (none on PGlite).
    expect(sent.some((s) => s.includes('txid_current()') && s.includes('synchronous_commit = on'))).toBe(
      !inProcess(),
    );
    expect(await tracked()).toEqual(['001_a']);
  });

  it('a migration that swallows a failed statement is not committed: the tracking row fails in the aborted transaction', async () => {
    await dir.write(
      '001_a.mjs',
      `export default { async up({ db }) {
  await db.raw('CREATE TABLE a (id int)');
  try { await db.raw('SELECT * FROM no_such_table'); } catch {}
} };`,
    );
    const error = await createMigrationRunner(test.driver, { directory: dir.path })
      .migrate()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).migration).toBe('001_a');
    expect((error as MigrationFailedError).message).toMatch(/001_a\.mjs.*current transaction is aborted/s);
    expect(((error as MigrationFailedError).cause as { code?: string }).code).toBe('25P02');
    expect(await tracked()).toEqual([]);
    const { rows } = await test.driver.query(
      "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = 'public' AND tablename = 'a'",
    );
    expect(rows).toEqual([]);
  });

  it('records a name with a quote and a backslash exactly (the row is inlined as literals)', async () => {
    const name = "001_it's\\odd";
    await dir.write(`${name}.sql`, tableMigration('odd'));
    const runner = createMigrationRunner(test.driver, { directory: dir.path });
    await runner.migrate();
    expect(await tracked()).toEqual([name]);
    const [status] = await runner.status();
    expect(status).toMatchObject({ name, applied: true });
    await runner.rollback();
    expect(await tracked()).toEqual([]);
  });
});
