import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binCommand, project, spawnCli } from './helpers.js';

// The fleet's reliability property, on the real binary: killed with SIGKILL at random points and
// started again, a fleet run finishes every target with each migration applied exactly once.
// Server only: PGlite is one process's folder, not a fleet.
const server = process.env.DATABASE_URL;
const DATABASES = 4;
const TENANTS = 8;
const MIGRATIONS = 8;
const KILLS = 5;
const names = Array.from({ length: MIGRATIONS }, (_, i) => `${String(i + 1).padStart(3, '0')}_step`);

const urlOf = (database: string) => {
  const url = new URL(server!);
  url.pathname = `/${database}`;
  return url.toString();
};

async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A small seeded generator, so a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let proj: Awaited<ReturnType<typeof project>>;
const databases = Array.from(
  { length: DATABASES },
  (_, i) => `justscale_fleet_kill_${process.pid}_${randomBytes(3).toString('hex')}_${i}`,
);
const targets: { url: string; schema: string }[] = [];

beforeAll(async () => {
  if (!server) return;
  const files: Record<string, string> = {};
  names.forEach((name, i) => {
    // Each migration takes a moment (so kills land inside runs and inside transactions) and logs
    // itself: a second application would leave two rows, or fail on CREATE TABLE.
    files[`migrations/${name}.sql`] =
      `-- up\n${i === 0 ? 'CREATE TABLE applied_log (name text NOT NULL);\n' : ''}` +
      `CREATE TABLE t_${i + 1} (id int PRIMARY KEY);\nSELECT pg_sleep(0.02);\nINSERT INTO applied_log VALUES ('${name}');\n`;
  });
  proj = await project(files);
  await onServer(server, async (c) => {
    for (const db of databases) await c.query(`CREATE DATABASE "${db}"`);
  });
  for (const db of databases) targets.push({ url: urlOf(db), schema: 'public' });
  for (let i = 0; i < TENANTS; i++) targets.push({ url: urlOf(databases[0]!), schema: `tenant_${i}` });
  await writeFile(
    join(proj.dir, 'targets.txt'),
    targets.map((t) => (t.schema === 'public' ? t.url : `${t.url}#schema=${t.schema}`)).join('\n'),
  );
});

afterAll(async () => {
  await proj?.cleanup();
  if (server) {
    await onServer(server, async (c) => {
      for (const db of databases) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    });
  }
});

/** How many migrations are recorded over every target (one query per database, on open clients). */
async function recorded(clients: readonly pg.Client[]): Promise<number> {
  let total = 0;
  for (const client of clients) {
    const { rows } = await client.query(
      `SELECT coalesce(sum((pg_catalog.xpath('/row/n/text()', pg_catalog.query_to_xml(
         pg_catalog.format('SELECT count(*) AS n FROM %s', c.oid::pg_catalog.regclass), false, true, '')))[1]::text::int), 0)::int AS n
       FROM pg_catalog.pg_class AS c WHERE c.relname = '_migrations' AND c.relkind = 'r'`,
    );
    total += rows[0].n as number;
  }
  return total;
}

function start(): ChildProcess {
  return spawn(
    process.execPath,
    [...binCommand(), 'fleet', 'migrate', '--targets', 'targets.txt', '--json'],
    {
      cwd: proj.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: 'ignore',
    },
  );
}

describe.skipIf(!server)('fleet migrate killed with SIGKILL and run again', () => {
  it('finishes every target with each migration applied exactly once', async () => {
    const seed = Number(process.env.FLEET_KILL_SEED ?? Date.now() % 100000);
    const next = random(seed);
    const outcomes: string[] = [];
    const total = targets.length * MIGRATIONS;
    const clients = databases.map((db) => new pg.Client({ connectionString: urlOf(db) }));
    for (const c of clients) await c.connect();
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const before = await recorded(clients);
        if (before === total) break;
        // A random point of the run: k migrations into it (0: during start-up and connecting).
        const k = Math.floor(next() * Math.min(total - before, total / 2));
        const child = start();
        let exited: number | null | undefined;
        const exit = new Promise<void>((resolve) =>
          child.on('exit', (code) => {
            exited = code;
            resolve();
          }),
        );
        if (k === 0) {
          await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 800)));
        } else {
          // Poll the tracking tables until the run has recorded k more migrations.
          while (exited === undefined && (await recorded(clients)) < before + k) {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        }
        child.kill('SIGKILL');
        await exit;
        outcomes.push(
          `k=${k}: ${exited === null ? 'killed' : `exit ${exited}`} at ${await recorded(clients)}`,
        );
      }
    } finally {
      for (const c of clients) await c.end();
    }
    // At least one kill landed inside the migrations (some recorded, not all), or the test proved nothing.
    const partial = outcomes.some(
      (o) => / killed at (\d+)$/.test(o) && Number(/(\d+)$/.exec(o)![1]) % total !== 0,
    );
    expect(partial, `no kill landed mid-run: ${outcomes.join(', ')}`).toBe(true);
    const final = await spawnCli(['fleet', 'migrate', '--targets', 'targets.txt', '--json'], {
      cwd: proj.dir,
    });
    const context = `seed ${seed} (FLEET_KILL_SEED to replay); runs: ${outcomes.join(', ')}; stderr: ${final.stderr}`;
    expect(final.code, context).toBe(0);
    expect(JSON.parse(final.stdout).summary, context).toMatchObject({
      targets: targets.length,
      done: targets.length,
    });
    for (const target of targets) {
      const state = await onServer(target.url, async (c) => {
        const log = await c.query(
          `SELECT name, count(*)::int AS n FROM "${target.schema}".applied_log GROUP BY name ORDER BY name`,
        );
        const tracked = await c.query(`SELECT name FROM "${target.schema}"._migrations ORDER BY id`);
        const tables = await c.query(
          "SELECT count(*)::int AS n FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename LIKE 't\\_%'",
          [target.schema],
        );
        return {
          log: log.rows.map((r) => [r.name, r.n]),
          tracked: tracked.rows.map((r) => r.name),
          tables: tables.rows[0].n,
        };
      });
      expect(state, `${target.url}#schema=${target.schema}; ${context}`).toEqual({
        log: names.map((n) => [n, 1]),
        tracked: names,
        tables: MIGRATIONS,
      });
    }
    // Nothing is left holding a lock or a connection of the fleet's databases.
    const left = await onServer(server!, (c) =>
      c.query('SELECT count(*)::int AS n FROM pg_catalog.pg_stat_activity WHERE datname = ANY($1)', [
        databases,
      ]),
    );
    expect(left.rows[0].n, context).toBe(0);
    console.log(`fleet kill test: ${context.split('; stderr')[0]}`);
  });
});
