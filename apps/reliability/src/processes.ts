import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from '@justscale/driver';
import { BARRIER } from './barrier.js';

/** The built CLI (`pnpm build` first). */
export const CLI_BIN = join(dirname(fileURLToPath(import.meta.url)), '../../../packages/cli/dist/bin.js');

/**
 * Writes `count` SQL migrations `NNN_mNN`, each creating table `m_NN` (a primary key, a foreign key to
 * the one before, an index, a comment) and sleeping `sleepMs` in its transaction before filling it.
 * `ups[i]` is migration i's up SQL without the sleep: what the schema after it must equal. With
 * `barrierAt: k`, migration k (1-based) waits on the `BARRIER` advisory lock instead of sleeping.
 */
export async function writeBatch(
  count: number,
  sleepMs: number,
  options: { barrierAt?: number } = {},
): Promise<{ dir: string; names: string[]; ups: string[]; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'justscale-batch-'));
  const names: string[] = [];
  const ups: string[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    const prev = i > 1 ? `, prev int REFERENCES m_${String(i - 1).padStart(3, '0')} (id)` : '';
    const create = `CREATE TABLE m_${n} (id int PRIMARY KEY, note text${prev});\nCREATE INDEX m_${n}_note ON m_${n} (note);\nCOMMENT ON TABLE m_${n} IS 'migration ${n}';\n`;
    names.push(`${n}_m${n}`);
    ups.push(create);
    await writeFile(
      join(dir, `${n}_m${n}.sql`),
      `-- up\n${create}${i === options.barrierAt ? `SELECT pg_advisory_xact_lock(${BARRIER.join(', ')})` : `SELECT pg_sleep(${sleepMs / 1000})`};\nINSERT INTO m_${n} (id, note) VALUES (1, 'done');\n-- down\nDROP TABLE m_${n};\n`,
    );
  }
  return { dir, names, ups, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A running `justscale` process. */
export interface CliProcess {
  readonly pid: number;
  kill(): void;
  readonly done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

/** Spawns `node packages/cli/dist/bin.js ...args` in `cwd`, with only PATH and NO_COLOR in its environment. */
export function spawnCli(args: readonly string[], cwd: string): CliProcess {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { pid: child.pid ?? -1, kill: () => child.kill('SIGKILL'), done };
}

/** Spawns `justscale migrate` against `url` and `dir`. */
export function spawnMigrate(url: string, dir: string, extra: readonly string[] = []): CliProcess {
  return spawnCli(['migrate', '--database-url', url, '--migrations', dir, ...extra], dir);
}

/** The tracking rows and the `m_*` tables, and whether they agree (each row has its table with its row of data, no table without its row, rows a prefix of the batch). */
export async function consistency(
  driver: Driver,
  names: readonly string[],
): Promise<{ recorded: string[]; tables: string[]; consistent: boolean; problem: string | null }> {
  const hasTracking = (
    await driver.query<{ e: boolean }>("SELECT to_regclass('public._migrations') IS NOT NULL AS e")
  ).rows[0]?.e;
  const recorded = hasTracking
    ? (await driver.query<{ name: string }>('SELECT name FROM public._migrations ORDER BY name')).rows.map(
        (r) => r.name,
      )
    : [];
  const tables = (
    await driver.query<{ t: string }>(
      "SELECT relname AS t FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname LIKE 'm\\_%' ORDER BY relname",
    )
  ).rows.map((r) => r.t);
  const expectedTables = recorded.map((n) => `m_${n.slice(0, 3)}`);
  let problem: string | null = null;
  if (JSON.stringify(expectedTables) !== JSON.stringify(tables)) {
    problem = `tracking ${JSON.stringify(recorded)} but tables ${JSON.stringify(tables)}`;
  } else if (JSON.stringify(recorded) !== JSON.stringify(names.slice(0, recorded.length))) {
    problem = `recorded migrations are not a prefix of the batch: ${JSON.stringify(recorded)}`;
  } else {
    for (const t of tables) {
      const rows = (
        await driver.query<{ c: number }>(`SELECT count(*)::int AS c FROM public.${t} WHERE note = 'done'`)
      ).rows[0]?.c;
      if (rows !== 1) problem = `table ${t} is recorded but half-filled (${rows} rows)`;
    }
  }
  return { recorded, tables, consistent: problem === null, problem };
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
