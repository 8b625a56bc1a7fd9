import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from '@justscale/driver';
import { runCli } from './run-cli.js';

/** How one fault case went. */
export interface FaultResult {
  readonly name: string;
  readonly exitCode: number;
  readonly stderr: string;
  readonly partial: boolean;
  readonly rows: readonly string[];
  readonly nextExitCode: number;
  readonly ok: boolean;
}

async function migrate(url: string, dir: string): Promise<{ code: number; stderr: string }> {
  const { code, stderr } = await runCli(['migrate', '--database-url', url, '--migrations', dir], dir);
  return { code, stderr: stderr.trim() };
}

async function rows(driver: Driver): Promise<string[]> {
  return (await driver.query<{ name: string }>('SELECT name FROM public._migrations ORDER BY id')).rows.map(
    (r) => r.name,
  );
}

async function exists(driver: Driver, sql: string): Promise<boolean> {
  return (await driver.query<{ e: boolean }>(`SELECT ${sql} AS e`)).rows[0]?.e === true;
}

/** The common verdict: exit 1 naming 002 (and `mentions`), nothing partial, only 001 recorded, rerun exit 0. */
function verdict(
  name: string,
  first: { code: number; stderr: string },
  partial: boolean,
  recorded: string[],
  next: { code: number },
  mentions: readonly (string | RegExp)[],
): FaultResult {
  const ok =
    first.code === 1 &&
    first.stderr.includes('002_second') &&
    mentions.every((m) => (typeof m === 'string' ? first.stderr.includes(m) : m.test(first.stderr))) &&
    !partial &&
    JSON.stringify(recorded) === '["001_first"]' &&
    next.code === 0;
  return {
    name,
    exitCode: first.code,
    stderr: first.stderr,
    partial,
    rows: recorded,
    nextExitCode: next.code,
    ok,
  };
}

const FIRST = '-- up\nCREATE TABLE target (id int);\n-- down\nDROP TABLE target;\n';

/**
 * The runner's backend is terminated (`pg_terminate_backend`) while migration 002 sleeps after a
 * `CREATE TABLE`: exit 1 with an error naming 002, no `half_done` table, no row; a rerun succeeds.
 */
export async function terminatedBackend(driver: Driver, url: string): Promise<FaultResult> {
  const dir = await mkdtemp(join(tmpdir(), 'justscale-fault-'));
  try {
    await writeFile(join(dir, '001_first.sql'), FIRST);
    const second = (sleep: string) =>
      `-- up\nCREATE TABLE half_done (id int);\nSELECT pg_sleep(${sleep});\n-- down\nDROP TABLE half_done;\n`;
    await writeFile(join(dir, '002_second.sql'), second('3.217'));
    const running = migrate(url, dir);
    let killed = false;
    for (let i = 0; i < 100 && !killed; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const r = await driver.query<{ t: boolean }>(
        "SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE query LIKE '%pg_sleep(3.217)%' AND pid <> pg_backend_pid()",
      );
      killed = r.rows.some((x) => x.t);
    }
    const first = await running;
    const partial = await exists(driver, "to_regclass('public.half_done') IS NOT NULL");
    const recorded = await rows(driver);
    await writeFile(join(dir, '002_second.sql'), second('0'));
    const next = await migrate(url, dir);
    const result = verdict('pg_terminate_backend mid-migration', first, partial, recorded, next, []);
    return { ...result, ok: killed && result.ok };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Migration 002 sets `lock_timeout` and alters a table another session holds locked: exit 1 with an
 * error naming 002 and its statement, no new column, no row; once the lock is gone a rerun succeeds.
 */
export async function lockTimeout(driver: Driver, url: string): Promise<FaultResult> {
  const dir = await mkdtemp(join(tmpdir(), 'justscale-fault-'));
  try {
    await writeFile(join(dir, '001_first.sql'), FIRST);
    const setup = await migrate(url, dir);
    if (setup.code !== 0) throw new Error(`setup migrate failed: ${setup.stderr}`);
    await writeFile(
      join(dir, '002_second.sql'),
      "-- up\nCREATE TABLE half_done (id int);\nSET LOCAL lock_timeout = '300ms';\nALTER TABLE target ADD COLUMN added int;\n-- down\nALTER TABLE target DROP COLUMN added;\nDROP TABLE half_done;\n",
    );
    let first = { code: -1, stderr: '' };
    await driver.transaction(async (tx) => {
      await tx.query('LOCK TABLE public.target IN ACCESS EXCLUSIVE MODE');
      first = await migrate(url, dir);
    });
    const partial =
      (await exists(driver, "to_regclass('public.half_done') IS NOT NULL")) ||
      (await exists(
        driver,
        "EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'public.target'::regclass AND attname = 'added')",
      ));
    const recorded = await rows(driver);
    const next = await migrate(url, dir);
    return verdict('lock_timeout inside a migration', first, partial, recorded, next, [
      /lock timeout/i,
      'ALTER TABLE target',
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Migration 002 sets `statement_timeout` and runs a statement that outlasts it: exit 1 with an error
 * naming 002 and the statement, no table of 002 left, no row; without the slow statement a rerun
 * succeeds.
 */
export async function statementTimeout(driver: Driver, url: string): Promise<FaultResult> {
  const dir = await mkdtemp(join(tmpdir(), 'justscale-fault-'));
  try {
    await writeFile(join(dir, '001_first.sql'), FIRST);
    const second = (slow: string) =>
      `-- up\nCREATE TABLE half_done (id int);\nSET LOCAL statement_timeout = '200ms';\n${slow}INSERT INTO half_done VALUES (1);\n-- down\nDROP TABLE half_done;\n`;
    await writeFile(join(dir, '002_second.sql'), second('SELECT pg_sleep(5);\n'));
    const first = await migrate(url, dir);
    const partial = await exists(driver, "to_regclass('public.half_done') IS NOT NULL");
    const recorded = await rows(driver);
    await writeFile(join(dir, '002_second.sql'), second(''));
    const next = await migrate(url, dir);
    return verdict('statement_timeout inside a migration', first, partial, recorded, next, [
      /statement timeout/i,
      'pg_sleep(5)',
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
