import type { Driver, Queryable, Session } from '@justscale/driver';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMigrationRunner, MigrationFailedError } from '../src/index.js';
import { CARRY_AT_MOST_MS } from '../src/runner/transaction.js';
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
  it('BEGIN with the first statement, the tracking row and COMMIT ahead of the next one: one round trip a migration on a server', async () => {
    for (const t of ['a', 'b', 'c'])
      await dir.write(`00${['a', 'b', 'c'].indexOf(t) + 1}_${t}.sql`, tableMigration(t));
    const { driver, sent } = recording(test.driver);
    const committed: string[] = [];
    const runner = createMigrationRunner(driver, {
      directory: dir.path,
      onEvent: (e) => {
        if (e.kind === 'committed') committed.push(e.migration.name);
      },
    });
    await runner.migrate();
    expect(committed).toEqual(['001_a', '002_b', '003_c']);
    const first = sent.findIndex((s) => s.startsWith('BEGIN'));
    const perMigration = sent.slice(first, sent.findLastIndex((s) => s.endsWith('COMMIT')) + 1);
    const insert = (name: string) =>
      `INSERT INTO "public"."_migrations" \\(name, batch, checksum\\) VALUES \\('${name}', [^)]*\\);\\nCOMMIT`;
    if (inProcess()) {
      // PGlite runs in this process: every commit is synchronous and sent at once.
      expect(perMigration).toHaveLength(6);
      expect(perMigration[0]?.startsWith('BEGIN;\nCREATE TABLE "a"')).toBe(true);
      expect(perMigration[1]).toMatch(new RegExp(`^${insert('001_a')}$`));
      expect(perMigration[4]?.startsWith('BEGIN;\nCREATE TABLE "c"')).toBe(true);
    } else {
      expect(perMigration).toHaveLength(4);
      expect(
        perMigration[0]?.startsWith('BEGIN; SET LOCAL synchronous_commit = off;\nCREATE TABLE "a"'),
      ).toBe(true);
      expect(perMigration[1]).toMatch(
        new RegExp(`^${insert('001_a')};\\nBEGIN; SET LOCAL synchronous_commit = off;\\nCREATE TABLE "b"`),
      );
      // The run's last commit is a plain, synchronous one: it flushes every earlier commit too.
      expect(perMigration[2]).toMatch(new RegExp(`^${insert('002_b')};\\nBEGIN;\\nCREATE TABLE "c"`));
      expect(perMigration[3]).toMatch(new RegExp(`^${insert('003_c')}$`));
    }
    expect(await tracked()).toEqual(['001_a', '002_b', '003_c']);

    sent.length = 0;
    await runner.rollback({ all: true });
    const down = sent.filter((s) => s.includes('COMMIT'));
    expect(down).toHaveLength(3);
    expect(down[0]).toMatch(/^DELETE FROM "public"\."_migrations" WHERE name = '003_c';\nCOMMIT(;\nBEGIN|$)/);
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
    if (inProcess()) {
      expect(run[3]).toMatch(/^INSERT INTO "public"\."_migrations" .*'001_q'.*;\nCOMMIT$/s);
      expect(run[4]).toMatch(/^BEGIN;\nINSERT INTO "public"\."_migrations" .*'002_empty'.*;\nCOMMIT$/s);
      expect(run).toHaveLength(5);
    } else {
      // 001_q's tracking row and COMMIT go ahead of 002_empty's BEGIN and tracking row.
      expect(run[3]).toMatch(
        /^INSERT INTO "public"\."_migrations" .*'001_q'.*;\nCOMMIT;\nBEGIN;\nINSERT INTO "public"\."_migrations" .*'002_empty'.*;\nCOMMIT$/s,
      );
      expect(run).toHaveLength(4);
    }
    expect(await tracked()).toEqual(['001_q', '002_empty']);
  });

  it('a run with nothing pending is three round trips: the lock, the tracking table in one read, the unlock', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_b.ts', tsTableMigration('b'));
    const { driver, sent } = recording(test.driver);
    const runner = createMigrationRunner(driver, { directory: dir.path });
    const lock =
      'SELECT pg_catalog.pg_advisory_lock($1::pg_catalog.int8), pg_catalog.to_regclass($2::pg_catalog.text) IS NOT NULL AS seen';
    const read = 'SELECT c.has_checksum, m.id, m.name, m.batch, m.applied_at, m.checksum';
    // The first run: the lock's statement saw no table, so it is made before it is read (a read of
    // a missing table would leave an ERROR in the server's log).
    expect((await runner.migrate()).map((m) => m.name)).toEqual(['001_a', '002_b']);
    expect(sent.slice(0, 4).map((s) => s.split('\n')[0])).toEqual([
      lock,
      'SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1',
      'CREATE TABLE IF NOT EXISTS "public"."_migrations" (',
      read,
    ]);
    sent.length = 0;
    expect(await runner.migrate()).toEqual([]);
    expect(sent.map((s) => s.split('\n')[0])).toEqual([
      lock,
      read,
      'SELECT pg_catalog.pg_advisory_unlock($1::pg_catalog.int8)',
    ]);
    // The checksums are still checked against the rows that one read returned.
    await dir.write('001_a.sql', tableMigration('a_changed'));
    sent.length = 0;
    await expect(runner.migrate()).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_CHANGED' });
    expect(sent).toHaveLength(3);
  });

  it("a table the lock's look missed (another runner made it meanwhile) is read all the same, not applied again", async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    expect(await createMigrationRunner(test.driver, { directory: dir.path }).migrate()).toHaveLength(1);
    // The look is as this session's catalog cache saw it: here it is made to say "missing".
    const stale = (q: Queryable): Queryable => ({
      ...q,
      query: (async (sql: string, params?: readonly unknown[]) => {
        const result = await q.query(sql, params);
        if (!sql.startsWith('SELECT pg_catalog.pg_advisory_lock(')) return result;
        return { ...result, rows: result.rows.map((row) => ({ ...row, seen: false })) };
      }) as Queryable['query'],
      transaction: (fn) => q.transaction((tx) => fn(stale(tx))),
    });
    const driver: Driver = {
      ...test.driver,
      session: (fn) => test.driver.session((s) => fn(stale(s) as Session)),
    };
    await dir.write('002_b.sql', tableMigration('b'));
    expect(
      (await createMigrationRunner(driver, { directory: dir.path }).migrate()).map((m) => m.name),
    ).toEqual(['002_b']);
    expect(await tracked()).toEqual(['001_a', '002_b']);
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

describe("a migration's commit carried ahead of the next one's first statement", () => {
  /** A run with its committed events, and the error it failed with. */
  async function run(options: { signal?: AbortSignal } = {}) {
    const committed: string[] = [];
    const runner = createMigrationRunner(test.driver, {
      directory: dir.path,
      ...options,
      onEvent: (e) => {
        if (e.kind === 'committed') committed.push(e.migration.name);
      },
    });
    const error = await runner.migrate().catch((e: unknown) => e);
    return { committed, error: error as MigrationFailedError };
  }

  const exists = async (table: string) =>
    (await test.driver.query<{ t: string | null }>('SELECT pg_catalog.to_regclass($1)::text AS t', [table]))
      .rows[0]?.t !== null;

  it("fails as the earlier migration's when its COMMIT fails (a deferred constraint), and the next does not run", async () => {
    const first = await dir.write(
      '001_deferred.sql',
      [
        '-- up',
        'CREATE TABLE parent (id int PRIMARY KEY);',
        'CREATE TABLE child (p int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);',
        'INSERT INTO child VALUES (1);',
        '-- down',
        'DROP TABLE child; DROP TABLE parent;',
        '',
      ].join('\n'),
    );
    await dir.write('002_next.sql', tableMigration('next'));
    const { committed, error } = await run();
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error.migration).toBe('001_deferred');
    expect(error.file).toBe(first);
    expect(error.message).toMatch(/violates foreign key constraint/);
    // What the server says below its message (the missing key) is kept, and its fields.
    expect(error.message).toContain('\nDETAIL: Key (p)=(1) is not present in table "parent".');
    expect(error.postgres?.code).toBe('23503');
    expect(error.postgres?.constraint).toBe('child_p_fkey');
    expect(error.committed).toEqual([]);
    expect(committed).toEqual([]);
    expect(await tracked()).toEqual([]);
    expect(await exists('parent')).toBe(false);
    expect(await exists('next')).toBe(false);

    // Alone (its COMMIT not carried): the same error, the same detail.
    await dir.remove('002_next.sql');
    const alone = await run();
    expect(alone.error.migration).toBe('001_deferred');
    expect(alone.error.message).toContain('\nDETAIL: Key (p)=(1) is not present in table "parent".');
    expect(alone.error.postgres?.code).toBe('23503');
  });

  it("locates a syntax error in the next migration's first statement in its own file, the earlier one applied", async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    const second = await dir.write('002_bad.sql', '-- up\nCREATE TABLE b (id int,, x int);\n');
    await dir.write('003_c.sql', tableMigration('c'));
    const { committed, error } = await run();
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error.file).toBe(second);
    expect(error.message).toContain(
      /* counted from the file's first line */ 'LINE 2: CREATE TABLE b (id int,, x int);',
    );
    expect(error.postgres?.position).toBe('CREATE TABLE b (id int,'.length + 1);
    // A statement the server cannot parse makes it refuse the whole round trip, 001_a's commit with
    // it; 001_a ran again on its own and is applied, as it would be without the carry.
    expect(error.committed?.map((m) => m.name)).toEqual(['001_a']);
    expect(committed).toEqual(['001_a']);
    expect(await tracked()).toEqual(['001_a']);
    expect(await exists('a')).toBe(true);
    expect(await exists('b')).toBe(false);
    expect(await exists('c')).toBe(false);
  });

  it('reports the earlier migration when its carried tracking row fails, rolls it back, and releases the lock', async () => {
    // 001 renames the tracking table, so its own tracking row (sent once 002 has thrown) fails.
    const first = await dir.write(
      '001_rename.sql',
      '-- up\nALTER TABLE public._migrations RENAME TO moved;\n-- down\nALTER TABLE public.moved RENAME TO _migrations;\n',
    );
    await dir.write(
      '002_throws.mjs',
      'export default { async up() { throw new Error("not yet"); }, async down() {} };',
    );
    const { driver, sent } = recording(test.driver);
    const committed: string[] = [];
    const error = (await createMigrationRunner(driver, {
      directory: dir.path,
      onEvent: (e) => {
        if (e.kind === 'committed') committed.push(e.migration.name);
      },
    })
      .migrate()
      .catch((e: unknown) => e)) as MigrationFailedError;
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error.file).toBe(first);
    expect(error.message).toMatch(/_migrations/);
    if (!inProcess()) {
      // The carried tracking row failed: its transaction is rolled back before the flush.
      const carried = sent.findIndex((s) => /^INSERT INTO "public"\."_migrations" .*'001_rename'/s.test(s));
      expect(sent[carried + 1]).toBe('ROLLBACK');
    }
    expect(committed).toEqual([]);
    expect(await exists('moved')).toBe(false);
    expect(await tracked()).toEqual([]);
    // The session was left usable: the lock is free for the next run.
    await dir.write('002_throws.mjs', 'export default { async up() {}, async down() {} };');
    await dir.write('001_rename.sql', tableMigration('a'));
    await expect(
      createMigrationRunner(test.driver, { directory: dir.path, lock: 'fail' }).migrate(),
    ).resolves.toHaveLength(2);
  });

  it('commits the earlier migration when the next one throws before sending anything, or the run is stopped', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    const second = await dir.write(
      '002_throws.mjs',
      'export default { async up() { throw new Error("not yet"); }, async down() {} };',
    );
    const thrown = await run();
    expect(thrown.error.file).toBe(second);
    expect(thrown.error.message).toContain('not yet');
    expect(thrown.committed).toEqual(['001_a']);
    expect(await tracked()).toEqual(['001_a']);

    // Stopped while 002 runs its JavaScript: 002 rolls back, 001 (carried) commits.
    await test.driver.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const controller = new AbortController();
    await dir.write(
      '002_throws.mjs',
      `export default { async up({ db }) { globalThis.__stopRun(); await db.raw('CREATE TABLE stopped (id int)'); }, async down() {} };`,
    );
    (globalThis as { __stopRun?: () => void }).__stopRun = () => controller.abort(new Error('Ctrl-C'));
    try {
      const stopped = await run({ signal: controller.signal });
      expect(stopped.error.code).toBe('MIGRATION_INTERRUPTED');
      expect(stopped.committed).toEqual(['001_a']);
      expect(await tracked()).toEqual(['001_a']);
      expect(await exists('stopped')).toBe(false);
    } finally {
      delete (globalThis as { __stopRun?: unknown }).__stopRun;
    }
  });

  it(`commits a migration that ran over ${CARRY_AT_MOST_MS} ms on its own: a syntax error next does not run it again`, async () => {
    await dir.write(
      '001_slow.mjs',
      `export default {
        async up({ db }) {
          globalThis.__slowRuns = (globalThis.__slowRuns ?? 0) + 1;
          await db.raw('CREATE TABLE slow (id int)');
          await new Promise((resolve) => setTimeout(resolve, ${CARRY_AT_MOST_MS + 100}));
        },
        async down({ db }) { await db.raw('DROP TABLE slow'); },
      };`,
    );
    const second = await dir.write('002_bad.sql', '-- up\nCREATE TABLE b (id int,, x int);\n');
    const { driver, sent } = recording(test.driver);
    const g = globalThis as { __slowRuns?: number };
    try {
      const error = (await createMigrationRunner(driver, { directory: dir.path })
        .migrate()
        .catch((e: unknown) => e)) as MigrationFailedError;
      expect(error).toBeInstanceOf(MigrationFailedError);
      expect(error.file).toBe(second);
      expect(error.committed?.map((m) => m.name)).toEqual(['001_slow']);
      expect(g.__slowRuns).toBe(1);
      expect(
        sent.filter((s) => /^INSERT INTO "public"\."_migrations" .*'001_slow'.*;\nCOMMIT$/s.test(s)),
      ).toHaveLength(1);
      expect(await tracked()).toEqual(['001_slow']);
      expect(await exists('slow')).toBe(true);
    } finally {
      delete g.__slowRuns;
    }
  });
});
