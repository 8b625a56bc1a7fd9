/**
 * Issue 18's rows: what a user times is the command. Each of our commands runs as a whole process
 * against the tool a user would pick instead, in pairs that alternate which runs first (see
 * paired.ts), with the median of the per-pair ratios against the issue's goal.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgDriver } from '@justscale/driver-pg';
import { generateSchema } from './generate-schema.js';
import { startLagProxy } from './lag-proxy.js';
import { type PairedFigures, paired } from './paired.js';
import { knexCli, writePeerMigrations } from './peers.js';
import { runProcess } from './process.js';
import { withDatabase } from './suite.js';
import type { Row } from './table.js';

export interface ProcessSuiteOptions {
  /** An admin URL on the server; scratch databases are created beside it and dropped. */
  readonly url: string;
  /** packages/cli/dist/bin.js */
  readonly cliBin: string;
  /** Timed pairs per row (after one untimed pair unless `warmup` is false). */
  readonly runs: number;
  readonly warmup?: boolean;
  /** Tables of the large and the small `schema diff` (the issue: 1,000 and 3). */
  readonly diffTables: number;
  readonly smallTables: number;
  /** TypeScript migrations of the `migrate` rows (the issue: 500). */
  readonly migrations: number;
  /** Tables of the memory row (the issue: 5,000). */
  readonly memoryTables: number;
  /** Which rows to run (`--process-rows memory`); default: all of them. */
  readonly only?: readonly ProcessRowName[];
  /**
   * Milliseconds added each way between every command and the server (a database in the same region
   * instead of on this machine), ours and the alternative's alike; 0 or absent: none. The goals are
   * the issue's, set on localhost: a latency run prints its ratios without judging them.
   */
  readonly latencyMs?: number;
  readonly log?: (line: string) => void;
}

/** What the rows are timed with: the options, and how the timed commands reach a database URL. */
interface RowContext extends ProcessSuiteOptions {
  /** The URL a timed command is given: `url` itself, or through the lag proxy. */
  readonly via: (url: string) => string;
  /** Added to each row's section in a latency run (` +2ms`), whose goals are not judged. */
  readonly label: string;
}

/** The process rows, by the name `--process-rows` takes. */
export const PROCESS_ROWS = ['diff', 'small', 'migrate', 'memory'] as const;
export type ProcessRowName = (typeof PROCESS_ROWS)[number];

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
const goal = (met: boolean, text: string): string => (met ? `met: ${text}` : `NOT MET: ${text}`);

function pairRows(
  o: RowContext,
  section: string,
  ours: string,
  theirs: string,
  p: PairedFigures,
  target: number,
): Row[] {
  const text = `<= ${target.toFixed(1)}x`;
  return [
    {
      section: `${section}${o.label}`,
      what: ours,
      ...p.ours,
      ratio: `x${p.ratio.toFixed(2)} paired`,
      goal: o.label === '' ? goal(p.ratio <= target, text) : `(goal on localhost: ${text})`,
    },
    { section: `${section}${o.label}`, what: theirs, ...p.theirs },
  ];
}

/** Fills a scratch database with `tables` generated tables (schema `bench`). */
async function fill(url: string, tables: number): Promise<void> {
  const driver = createPgDriver(url);
  try {
    for (const script of generateSchema({ tables })) await driver.exec(script);
    await driver.exec('ANALYZE');
  } finally {
    await driver.close();
  }
}

/** `justscale schema diff` of a database with itself, against two `pg_dump -s` (one per side). */
async function schemaDiffRow(o: RowContext, tables: number, target: number): Promise<Row[]> {
  return withDatabase(o.url, `p${tables}`, async (url) => {
    o.log?.(`  generating ${tables} tables`);
    await fill(url, tables);
    o.log?.(`  timing schema diff of ${tables} tables against 2 x pg_dump -s`);
    const dump = () =>
      runProcess('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '-d', o.via(url)]);
    // The same URL twice is read once (the CLI's shortcut); two pg_dumps read the catalog twice. The
    // second side names the database under another spelling, so that both sides are read, as when
    // two databases are compared.
    const other = new URL(o.via(url));
    other.searchParams.set('application_name', 'justscale-bench-to');
    const p = await paired(
      { runs: o.runs, warmup: o.warmup ?? true },
      async () => {
        const run = await runProcess('node', [
          o.cliBin,
          'schema',
          'diff',
          '--from',
          o.via(url),
          '--to',
          other.toString(),
          '--schema',
          'bench',
        ]);
        if (run.stdout.trim() !== '') throw new Error(`schema diff of a database with itself: ${run.stdout}`);
        return run.peakRss;
      },
      async () => Math.max((await dump()).peakRss, (await dump()).peakRss),
    );
    return pairRows(
      o,
      `process ${tables}`,
      'justscale schema diff, db with itself, both sides read',
      '2 x pg_dump -s',
      p,
      target,
    );
  });
}

/** A scratch project: `migrations/` of TypeScript files importing `@justscale/postgres`, and knex's `.js` twins. */
async function writeProject(n: number): Promise<{ root: string; dir: string; knexfile: string }> {
  const root = await mkdtemp(join(tmpdir(), 'justscale-bench-ts-'));
  const dir = join(root, 'migrations');
  await mkdir(dir);
  // The package as a user has it installed: node_modules/@justscale/postgres.
  await mkdir(join(root, 'node_modules', '@justscale'), { recursive: true });
  await symlink(join(repoRoot, 'packages', 'postgres'), join(root, 'node_modules', '@justscale', 'postgres'));
  const list: { name: string; up: string; down: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const name = `${String(i).padStart(5, '0')}_m${i}`;
    const up = `CREATE TABLE m${i} (id serial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`;
    const down = `DROP TABLE m${i}`;
    await writeFile(
      join(dir, `${name}.ts`),
      [
        "import { defineMigration } from '@justscale/postgres';",
        '',
        'export default defineMigration({',
        `  up: async ({ db }) => { await db.raw(${JSON.stringify(up)}); },`,
        `  down: async ({ db }) => { await db.raw(${JSON.stringify(down)}); },`,
        '});',
        '',
      ].join('\n'),
    );
    list.push({ name, up, down });
  }
  const { knexfile } = await writePeerMigrations(root, list);
  return { root, dir, knexfile };
}

async function reset(url: string): Promise<void> {
  const driver = createPgDriver(url);
  try {
    await driver.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await driver.close();
  }
}

/** `justscale migrate` of `n` TypeScript migrations, then with nothing pending, against knex's CLI. */
async function migrateRows(o: RowContext): Promise<Row[]> {
  const n = o.migrations;
  const project = await writeProject(n);
  try {
    return await withDatabase(o.url, 'pm_ours', (ours) =>
      withDatabase(o.url, 'pm_knex', async (theirs) => {
        const migrate = async () => {
          const run = await runProcess(
            'node',
            [o.cliBin, 'migrate', '--database-url', o.via(ours), '--migrations', project.dir],
            { cwd: project.root },
          );
          return run;
        };
        const knex = () => knexCli(o.via(theirs), project.knexfile, 'migrate:latest');
        o.log?.(`  timing migrate of ${n} TypeScript migrations against knex migrate:latest`);
        const apply = await paired(
          {
            runs: o.runs,
            warmup: o.warmup ?? true,
            setupOurs: () => reset(ours),
            setupTheirs: () => reset(theirs),
          },
          async () => (await migrate()).peakRss,
          async () => (await knex()).peakRss,
        );
        o.log?.(`  timing migrate with nothing pending (${n} applied) against knex`);
        const noop = await paired(
          { runs: o.runs, warmup: o.warmup ?? true },
          async () => {
            const run = await migrate();
            if (!/nothing|up to date|no pending/i.test(run.stdout)) {
              throw new Error(`justscale migrate, no-op: ${run.stdout}`);
            }
            return run.peakRss;
          },
          async () => {
            const run = await knex();
            if (!/up to date/i.test(run.stdout)) throw new Error(`knex no-op: ${run.stdout}`);
            return run.peakRss;
          },
        );
        return [
          ...pairRows(
            o,
            `process ${n} mig`,
            `justscale migrate, ${n} .ts`,
            'knex migrate:latest, same DDL in .js',
            apply,
            0.7,
          ),
          ...pairRows(
            o,
            `process ${n} mig`,
            `justscale migrate, nothing pending`,
            'knex migrate:latest, nothing pending',
            noop,
            0.5,
          ),
        ];
      }),
    );
  } finally {
    await rm(project.root, { recursive: true, force: true });
  }
}

/** Peak memory of one introspection process at `tables` tables, against pg_dump's RSS. */
async function memoryRow(o: ProcessSuiteOptions): Promise<Row[]> {
  const tables = o.memoryTables;
  // Built: from src/ (vitest) as from dist/, the child runs as compiled JavaScript.
  const child = join(here, '..', 'dist', 'introspect-child.js');
  return withDatabase(o.url, `pmem${tables}`, async (url) => {
    o.log?.(`  generating ${tables} tables`);
    await fill(url, tables);
    o.log?.(`  measuring introspection memory at ${tables} tables against pg_dump`);
    let heap = 0;
    const p = await paired(
      { runs: Math.min(o.runs, 3), warmup: false },
      async () => {
        const run = await runProcess('node', [child, url, 'bench']);
        const out = JSON.parse(run.stdout) as { peakHeap: number; tables: number };
        if (out.tables !== tables) throw new Error(`introspected ${out.tables} of ${tables} tables`);
        heap = Math.max(heap, out.peakHeap);
        return run.peakRss;
      },
      async () =>
        (await runProcess('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '-d', url])).peakRss,
    );
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    const section = `process ${tables}`;
    return [
      {
        section,
        what: 'introspection (process), peak RSS',
        ...p.ours,
        ratio: `heap ${mb(heap)}`,
        goal: goal(heap < 150 * 1024 * 1024, `heap < 150 MB (RSS ${mb(p.ours.memory)})`),
      },
      { section, what: 'pg_dump -s, peak RSS', ...p.theirs },
    ];
  });
}

/**
 * Runs issue 18's rows and returns them with notes (load average before and after).
 *
 * @example
 * const { rows } = await runProcessSuite({ url, cliBin, runs: 5, diffTables: 1000, smallTables: 3, migrations: 500, memoryTables: 5000 });
 */
export async function runProcessSuite(o: ProcessSuiteOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const before = load();
  const rows: Row[] = [];
  o.log?.('processes against the alternatives (issue 18)');
  const runs = (name: ProcessRowName): boolean => o.only === undefined || o.only.includes(name);
  const lag = o.latencyMs ? await startLagProxy(o.url, o.latencyMs) : undefined;
  const timed: RowContext =
    lag === undefined
      ? { ...o, via: (url) => url, label: '' }
      : { ...o, via: (url) => lag.through(url), label: ` +${o.latencyMs}ms` };
  try {
    if (runs('diff')) rows.push(...(await schemaDiffRow(timed, o.diffTables, 0.5)));
    if (runs('small')) rows.push(...(await schemaDiffRow(timed, o.smallTables, 1.0)));
    if (runs('migrate')) rows.push(...(await migrateRows(timed)));
  } finally {
    await lag?.close();
  }
  // The PGlite no-op row (issue 17) is measured by its own bench file beside this one. Memory is
  // measured on localhost whatever the latency.
  if (runs('memory')) rows.push(...(await memoryRow(o)));
  return {
    rows,
    notes: [
      ...(lag === undefined
        ? []
        : [
            `process rows: every timed command reached the server through a proxy adding ${o.latencyMs} ms each way (sections marked +${o.latencyMs}ms); goals are for localhost and not judged`,
          ]),
      `process rows: load average ${before} (1, 5, 15 min) at the start, ${load()} at the end`,
      'process rows: each pair runs ours and the alternative back to back, alternating which goes first; ratio = median of the per-pair ratios; min/max/median of each side beside',
      'process rows: memory is the peak RSS of the process (/usr/bin/time); the introspection heap is its peak heapUsed sampled every 2 ms',
      'process rows: migrate with nothing pending on PGlite (issue 17) is measured by its own bench file',
    ],
  };
}
