/**
 * The whole benchmark: introspection, diff, runner, CLI cold start and memory, each measured in the
 * same run on the same server, returned as rows of one table (see table.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { diff } from '@justscale/diff';
import type { Driver } from '@justscale/driver';
import { createPgDriver } from '@justscale/driver-pg';
import { introspect } from '@justscale/introspect';
import { createMigrationRunner } from '@justscale/migrate';
import { diffSnapshots } from './diff-snapshots.js';
import { generateSchema } from './generate-schema.js';
import { countingDriver, stats, withPeakHeap } from './measure.js';
import {
  drizzlePull,
  knexCli,
  knexCommand,
  nodePgMigrate,
  nodePgMigrateCli,
  peerBins,
  writePeerMigrations,
} from './peers.js';
import { runProcess } from './process.js';
import { startQueryProxy } from './query-proxy.js';
import type { Row } from './table.js';

export interface SuiteOptions {
  /** An admin URL on the server; scratch databases are created beside it and dropped. */
  readonly url: string;
  /** Introspection sizes (tables). */
  readonly sizes: readonly number[];
  /** Migrations for the runner section. */
  readonly migrations: number;
  /** Timed runs after one warm-up. */
  readonly runs: number;
  readonly diffTables: number;
  readonly diffChanges: number;
  /** packages/cli/dist/bin.js */
  readonly cliBin: string;
  /** False: no warm-up run (the smoke size, in CI, where only the figures' presence matters). */
  readonly warmup?: boolean;
  /** The largest size `drizzle-kit pull` is timed at (default 100: it takes minutes above). */
  readonly drizzleMaxTables?: number;
  readonly log?: (line: string) => void;
}

type Sample = { ms: number; memory: number };

/** One warm-up (unless `o.warmup` is false), then `runs` timed runs of `fn` (each after an untimed `setup`). */
async function measure(
  o: SuiteOptions,
  runs: number,
  fn: () => Promise<number | undefined>,
  setup?: () => Promise<void>,
  warmup = o.warmup ?? true,
): Promise<{ median: number; min: number; max: number; memory: number }> {
  const samples: Sample[] = [];
  const first = warmup ? 0 : 1;
  for (let i = first; i <= runs; i++) {
    if (setup) await setup();
    const start = performance.now();
    const memory = (await fn()) ?? 0;
    const ms = performance.now() - start;
    if (i > 0) samples.push({ ms, memory });
  }
  return { ...stats(samples.map((s) => s.ms)), memory: Math.max(...samples.map((s) => s.memory)) };
}

const x = (a: number, b: number, name: string): string => `x${(a / b).toFixed(2)} of ${name}`;
const goal = (met: boolean, text: string): string => (met ? `met: ${text}` : `NOT MET: ${text}`);

export function scratchUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withDatabase<T>(
  adminUrl: string,
  tag: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const admin = createPgDriver(adminUrl);
  const name = `justscale_bench_${tag}_${process.pid}`;
  try {
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE "${name}"`);
    try {
      return await fn(scratchUrl(adminUrl, name));
    } finally {
      await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.close();
  }
}

/** `justscale schema diff` of a database with itself, over the generated schema (the CLI reads `public` by default). */
const schemaDiff = (url: string): string[] => [
  'schema',
  'diff',
  '--from',
  url,
  '--to',
  url,
  '--schema',
  'bench',
];

async function introspection(o: SuiteOptions, tables: number, rows: Row[], notes: string[]): Promise<number> {
  const section = `introspect ${tables}`;
  return withDatabase(o.url, `i${tables}`, async (url) => {
    const driver = createPgDriver(url);
    try {
      o.log?.(`  generating ${tables} tables`);
      for (const script of generateSchema({ tables })) await driver.exec(script);
      await driver.exec('ANALYZE');
      const counted = countingDriver(driver);
      await introspect(counted.driver);
      const queries = counted.count();
      o.log?.(`  timing introspection of ${tables} tables`);
      const ours = await measure(
        o,
        o.runs,
        async () => (await withPeakHeap(() => introspect(driver))).peakHeap,
      );
      const parallel = await measure(o, o.runs, async () => {
        await introspect(driver, { parallel: true });
        return undefined;
      });
      const cli = await measure(
        o,
        o.runs,
        async () => (await runProcess('node', [o.cliBin, ...schemaDiff(url)])).peakRss,
      );
      const dumpArgs = (db: string) => ['--schema-only', '--no-owner', '--no-privileges', '--dbname', db];
      const dump = await measure(o, o.runs, async () => (await runProcess('pg_dump', dumpArgs(url))).peakRss);
      // Query counts of the processes, read off the wire by a counting proxy (one untimed run each).
      const proxy = await startQueryProxy(url);
      const sent = async (run: () => Promise<unknown>): Promise<number> => {
        proxy.reset();
        await run();
        return proxy.count();
      };
      let drizzle: (Awaited<ReturnType<typeof measure>> & { queries: number }) | undefined;
      let dumpQueries: number;
      let cliQueries: number;
      try {
        dumpQueries = await sent(() => runProcess('pg_dump', dumpArgs(proxy.url)));
        cliQueries = await sent(() => runProcess('node', [o.cliBin, ...schemaDiff(proxy.url)]));
        const wireQueries = await sent(async () => {
          const through = createPgDriver(proxy.url);
          try {
            await introspect(through);
          } finally {
            await through.close();
          }
        });
        if (wireQueries !== queries + 2) {
          notes.push(
            `introspection at ${tables}: ${queries} queries counted in-process, but ${wireQueries} on the wire (expected ${queries} + BEGIN and COMMIT)`,
          );
        }
        if (tables <= (o.drizzleMaxTables ?? 100)) {
          o.log?.(`  timing drizzle-kit pull of ${tables} tables`);
          // The counted run is the warm-up; then at most 3 timed runs (each takes seconds).
          const drizzleQueries = await sent(() => drizzlePull(proxy.url, 'bench'));
          const timed = await measure(
            o,
            Math.min(o.runs, 3),
            async () => (await drizzlePull(url, 'bench')).peakRss,
            undefined,
            false,
          );
          drizzle = { ...timed, queries: drizzleQueries };
        } else {
          notes.push(
            `drizzle-kit pull: skipped at ${tables} tables (timed at ${o.drizzleMaxTables ?? 100} tables and below only: ~11 min at 1,000 per the issue's reference, its per-table information_schema queries grow with the square of the table count)`,
          );
        }
      } finally {
        await proxy.close();
      }
      const half = ours.median <= dump.median / 2;
      const sizeGoal =
        tables >= 5000
          ? goal(ours.median < 5000 && ours.memory < 300 * 1024 * 1024, '< 5 s and < 300 MB')
          : tables >= 1000
            ? goal(half, '<= 0.5x pg_dump')
            : undefined;
      rows.push(
        {
          section,
          what: 'ours in-process',
          ...ours,
          queries,
          memoryKind: 'heap',
          ratio: x(ours.median, dump.median, 'pg_dump'),
          goal: sizeGoal,
        },
        {
          section,
          what: 'ours in-process, parallel: true',
          ...parallel,
          memory: undefined,
          queries: queries + 2,
          ratio: x(parallel.median, dump.median, 'pg_dump'),
        },
        {
          section,
          what: 'justscale schema diff (process)',
          ...cli,
          queries: cliQueries,
          ratio: x(cli.median, dump.median, 'pg_dump'),
        },
        { section, what: 'pg_dump --schema-only', ...dump, queries: dumpQueries },
      );
      if (drizzle) {
        rows.push({
          section,
          what: 'drizzle-kit pull (process)',
          ...drizzle,
          ratio: x(drizzle.median, dump.median, 'pg_dump'),
        });
      }
      return queries;
    } finally {
      await driver.close();
    }
  });
}

function diffBench(o: SuiteOptions, rows: Row[]): Promise<void> {
  const { current, desired } = diffSnapshots(o.diffTables, o.diffChanges);
  return measure(o, Math.max(o.runs, 10), async () => {
    diff(current, desired);
    return undefined;
  }).then((d) => {
    rows.push({
      section: 'diff',
      what: `${o.diffTables} tables, ${o.diffChanges} changes`,
      ...d,
      memory: undefined,
      goal: goal(d.median < 200, '< 200 ms'),
    });
  });
}

async function writeMigrations(
  n: number,
): Promise<{ dir: string; up: string; down: string; knexDir: string; npmDir: string; knexfile: string }> {
  const root = await mkdtemp(join(tmpdir(), 'justscale-bench-'));
  const dir = join(root, 'migrations');
  await mkdir(dir);
  const ups: string[] = [];
  const downs: string[] = [];
  const list: { name: string; up: string; down: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const name = `m${i}`;
    const up = `CREATE TABLE ${name} (id serial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`;
    const down = `DROP TABLE ${name};`;
    await writeFile(
      join(dir, `${String(i).padStart(5, '0')}_${name}.sql`),
      `-- up\n${up}\n-- down\n${down}\n`,
    );
    list.push({ name: `${String(i).padStart(5, '0')}_${name}`, up, down });
    ups.push(`BEGIN;\n${up}\nCOMMIT;`);
    downs.unshift(`BEGIN;\n${down}\nCOMMIT;`);
  }
  await writeFile(join(root, 'up.sql'), `${ups.join('\n')}\n`);
  await writeFile(join(root, 'down.sql'), `${downs.join('\n')}\n`);
  const peers = await writePeerMigrations(root, list);
  return { dir, up: join(root, 'up.sql'), down: join(root, 'down.sql'), ...peers };
}

async function runner(o: SuiteOptions, rows: Row[]): Promise<void> {
  const n = o.migrations;
  const files = await writeMigrations(n);
  try {
    await withDatabase(o.url, 'runner', async (url) => {
      const driver: Driver = createPgDriver(url);
      const reset = async (): Promise<void> => {
        await driver.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      };
      const psql = (file: string) =>
        runProcess('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file]);
      const make = () => createMigrationRunner(driver, { directory: files.dir });
      try {
        o.log?.(`  timing ${n} migrations`);
        const apply = await measure(
          o,
          o.runs,
          async () => {
            const applied = await make().migrate();
            if (applied.length !== n) throw new Error(`applied ${applied.length} of ${n}`);
            return undefined;
          },
          reset,
        );
        const psqlUp = await measure(o, o.runs, async () => (await psql(files.up)).peakRss, reset);
        const back = await measure(
          o,
          o.runs,
          async () => {
            await make().rollback({ all: true });
            return undefined;
          },
          async () => {
            await reset();
            await make().migrate();
          },
        );
        const psqlDown = await measure(
          o,
          o.runs,
          async () => (await psql(files.down)).peakRss,
          async () => {
            await reset();
            await psql(files.up);
          },
        );
        const check = (what: string, got: number) => {
          if (got !== n) throw new Error(`${what}: ${got} of ${n} migrations`);
          return undefined;
        };
        o.log?.('  timing Knex and node-pg-migrate');
        const knexUp = await measure(
          o,
          o.runs,
          async () => check('knex latest', await knexCommand(url, files.knexDir, 'latest')),
          reset,
        );
        const knexDown = await measure(
          o,
          o.runs,
          async () => check('knex rollback', await knexCommand(url, files.knexDir, 'rollback')),
          async () => {
            await reset();
            await knexCommand(url, files.knexDir, 'latest');
          },
        );
        const npmUp = await measure(
          o,
          o.runs,
          async () => check('node-pg-migrate up', await nodePgMigrate(url, files.npmDir, 'up')),
          reset,
        );
        const npmDown = await measure(
          o,
          o.runs,
          async () => check('node-pg-migrate down', await nodePgMigrate(url, files.npmDir, 'down')),
          async () => {
            await reset();
            await nodePgMigrate(url, files.npmDir, 'up');
          },
        );
        await reset();
        await knexCommand(url, files.knexDir, 'latest');
        const knexNoopRun = await measure(o, o.runs, async () => {
          if ((await knexCommand(url, files.knexDir, 'latest')) !== 0)
            throw new Error('knex no-op applied something');
          return undefined;
        });
        const knexStatus = await measure(o, o.runs, async () => {
          if ((await knexCommand(url, files.knexDir, 'status')) !== 0)
            throw new Error('knex status: pending');
          return undefined;
        });
        const knexCliNoop = await measure(o, o.runs, async () => {
          const run = await knexCli(url, files.knexfile, 'migrate:latest');
          if (!/up to date/i.test(run.stdout)) throw new Error(`knex CLI no-op: ${run.stdout}`);
          return run.peakRss;
        });
        const knexCliStatus = await measure(
          o,
          o.runs,
          async () => (await knexCli(url, files.knexfile, 'migrate:status')).peakRss,
        );
        await reset();
        await nodePgMigrate(url, files.npmDir, 'up');
        const npmNoop = await measure(o, o.runs, async () => {
          if ((await nodePgMigrate(url, files.npmDir, 'up')) !== 0)
            throw new Error('node-pg-migrate no-op applied something');
          return undefined;
        });
        const npmCliNoop = await measure(
          o,
          o.runs,
          async () => (await nodePgMigrateCli(url, files.npmDir)).peakRss,
        );
        await reset();
        await make().migrate();
        const noop = await measure(o, o.runs, async () => {
          if ((await make().migrate()).length !== 0) throw new Error('a no-op run applied something');
          return undefined;
        });
        const status = await measure(o, o.runs, async () => {
          if ((await make().status()).length !== n) throw new Error('status lost migrations');
          return undefined;
        });
        const cliArgs = ['--database-url', url, '--migrations', files.dir];
        const cliStatus = await measure(
          o,
          o.runs,
          async () => (await runProcess('node', [o.cliBin, 'migrate', 'status', ...cliArgs])).peakRss,
        );
        const cliNoop = await measure(
          o,
          o.runs,
          async () => (await runProcess('node', [o.cliBin, 'migrate', ...cliArgs])).peakRss,
        );
        const section = `runner ${n}`;
        const tol = (a: number, b: number) => goal(a <= b * 1.1, '<= 1.1x psql');
        rows.push(
          {
            section,
            what: 'justscale migrate (in-process)',
            ...apply,
            memory: undefined,
            ratio: x(apply.median, psqlUp.median, 'psql'),
            goal: tol(apply.median, psqlUp.median),
          },
          { section, what: 'psql -f (same SQL, tx each)', ...psqlUp },
          {
            section,
            what: 'justscale rollback all',
            ...back,
            memory: undefined,
            ratio: x(back.median, psqlDown.median, 'psql'),
            goal: tol(back.median, psqlDown.median),
          },
          { section, what: 'psql -f down (tx each)', ...psqlDown },
          {
            section,
            what: 'Knex latest (tx each)',
            ...knexUp,
            memory: undefined,
            ratio: x(knexUp.median, psqlUp.median, 'psql'),
          },
          {
            section,
            what: 'Knex rollback all',
            ...knexDown,
            memory: undefined,
            ratio: x(knexDown.median, psqlDown.median, 'psql'),
          },
          {
            section,
            what: 'node-pg-migrate up (tx each)',
            ...npmUp,
            memory: undefined,
            ratio: x(npmUp.median, psqlUp.median, 'psql'),
          },
          {
            section,
            what: 'node-pg-migrate down all',
            ...npmDown,
            memory: undefined,
            ratio: x(npmDown.median, psqlDown.median, 'psql'),
          },
          {
            section,
            what: 'no-op migrate (in-process)',
            ...noop,
            memory: undefined,
            ratio: x(noop.median, knexNoopRun.median, 'Knex in-process'),
          },
          { section, what: 'Knex no-op latest (in-process)', ...knexNoopRun, memory: undefined },
          {
            section,
            what: 'node-pg-migrate no-op up (in-process)',
            ...npmNoop,
            memory: undefined,
            ratio: x(npmNoop.median, knexNoopRun.median, 'Knex in-process'),
          },
          {
            section,
            what: 'status (in-process)',
            ...status,
            memory: undefined,
            ratio: x(status.median, knexStatus.median, 'Knex in-process'),
          },
          { section, what: 'Knex status (in-process)', ...knexStatus, memory: undefined },
          {
            section,
            what: 'justscale migrate, no-op (process)',
            ...cliNoop,
            ratio: x(cliNoop.median, knexCliNoop.median, 'knex CLI'),
            goal: goal(cliNoop.median <= knexCliNoop.median / 2, '<= 0.5x knex CLI'),
          },
          { section, what: 'knex migrate:latest, no-op (process)', ...knexCliNoop },
          {
            section,
            what: 'node-pg-migrate up, no-op (process)',
            ...npmCliNoop,
            ratio: x(npmCliNoop.median, knexCliNoop.median, 'knex CLI'),
          },
          {
            section,
            what: 'justscale migrate status (process)',
            ...cliStatus,
            ratio: x(cliStatus.median, knexCliStatus.median, 'knex CLI'),
            goal: goal(cliStatus.median <= knexCliStatus.median / 2, '<= 0.5x knex CLI'),
          },
          { section, what: 'knex migrate:status (process)', ...knexCliStatus },
        );
        const bare = await measure(o, o.runs, async () => (await runProcess('node', ['-e', '0'])).peakRss);
        const help = await measure(
          o,
          o.runs,
          async () => (await runProcess('node', [o.cliBin, '--help'])).peakRss,
        );
        const knexHelp = await measure(
          o,
          o.runs,
          async () => (await runProcess('node', [peerBins.knex, '--help'])).peakRss,
        );
        const npmHelp = await measure(
          o,
          o.runs,
          async () => (await runProcess('node', [peerBins.nodePgMigrate, '--help'])).peakRss,
        );
        rows.push(
          { section: 'cold start', what: 'node -e 0', ...bare },
          {
            section: 'cold start',
            what: 'justscale --help',
            ...help,
            ratio: x(help.median, bare.median, 'node'),
            goal: goal(help.median <= bare.median * 1.3, '<= 1.3x node'),
          },
          {
            section: 'cold start',
            what: 'knex --help',
            ...knexHelp,
            ratio: x(knexHelp.median, bare.median, 'node'),
          },
          {
            section: 'cold start',
            what: 'node-pg-migrate --help',
            ...npmHelp,
            ratio: x(npmHelp.median, bare.median, 'node'),
          },
          {
            section: 'cold start',
            what: `justscale migrate status (${n} applied)`,
            ...cliStatus,
            ratio: x(cliStatus.median, bare.median, 'node'),
          },
        );
      } finally {
        await driver.close();
      }
    });
  } finally {
    await rm(join(files.dir, '..'), { recursive: true, force: true });
  }
}

/**
 * Runs every section and returns the rows (and notes) to print.
 *
 * @example
 * const { rows } = await runSuite({ url, sizes: [50], migrations: 20, runs: 1, diffTables: 500, diffChanges: 50, cliBin });
 */
export async function runSuite(o: SuiteOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const counts = new Map<number, number>();
  for (const tables of o.sizes) {
    o.log?.(`introspection, ${tables} tables`);
    counts.set(tables, await introspection(o, tables, rows, notes));
  }
  const distinct = new Set(counts.values());
  notes.push(
    distinct.size <= 1
      ? `introspection sends a fixed number of queries at every size (${[...distinct].join('')})`
      : `NOT MET: query count varies with size: ${[...counts].map(([t, q]) => `${t}: ${q}`).join(', ')}`,
  );
  o.log?.('diff');
  await diffBench(o, rows);
  o.log?.('runner and cold start');
  await runner(o, rows);
  notes.push(
    'queries: ours in-process counted by a counting driver; processes (pg_dump, justscale, drizzle-kit) counted on the wire by a proxy (simple Query and extended Execute messages), in one untimed run each',
    'runner rows: Knex and node-pg-migrate apply and roll back in-process through their APIs, a transaction per migration; no-op and status are compared process to process (the CLIs), since in-process a peer keeps its migration modules in the require cache between runs',
    'psql runs every migration of the batch in one process, each in its own transaction; pg_dump memory is its RSS, ours in-process is peak JS heap',
  );
  return { rows, notes };
}
