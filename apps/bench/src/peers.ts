/**
 * The peer runners, driven in-process through their own APIs with the same SQL as ours: Knex
 * (a transaction per migration, its default) and node-pg-migrate (`singleTransaction: false`, so a
 * transaction per migration too).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import knexFactory from 'knex';
import { runner as pgMigrate } from 'node-pg-migrate';
import { type ProcessRun, runProcess } from './process.js';

const require = createRequire(import.meta.url);

/** The peers' CLI entry points, for cold-start figures. */
export const peerBins = {
  knex: require.resolve('knex/bin/cli.js'),
  nodePgMigrate: join(require.resolve('node-pg-migrate/package.json'), '..', 'bin', 'node-pg-migrate.js'),
  drizzleKit: join(dirname(require.resolve('drizzle-kit')), 'bin.cjs'),
};

/** `drizzle-kit pull` of one schema of `url` into a scratch folder (removed after), as a whole process. */
export async function drizzlePull(url: string, schema: string): Promise<ProcessRun> {
  const out = await mkdtemp(join(tmpdir(), 'justscale-bench-drizzle-'));
  try {
    // The schema filter is honoured from a config file only (the --schemaFilters flag is not).
    const config = { dialect: 'postgresql', dbCredentials: { url }, schemaFilter: [schema], out };
    await writeFile(join(out, 'drizzle.config.js'), `module.exports = ${JSON.stringify(config)};\n`);
    return await runProcess('node', [peerBins.drizzleKit, 'pull', '--config', 'drizzle.config.js'], {
      cwd: out,
    });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Writes the same migrations as one CommonJS file each, in the format both peers load. */
export async function writePeerMigrations(
  root: string,
  migrations: readonly { name: string; up: string; down: string }[],
): Promise<{ knexDir: string; npmDir: string; knexfile: string }> {
  const knexDir = join(root, 'knex');
  const npmDir = join(root, 'node-pg-migrate');
  await mkdir(knexDir);
  await mkdir(npmDir);
  for (const m of migrations) {
    await writeFile(
      join(knexDir, `${m.name}.js`),
      `exports.up = (knex) => knex.raw(${JSON.stringify(m.up)});\nexports.down = (knex) => knex.raw(${JSON.stringify(m.down)});\n`,
    );
    await writeFile(
      join(npmDir, `${m.name}.js`),
      `exports.up = (pgm) => { pgm.sql(${JSON.stringify(m.up)}); };\nexports.down = (pgm) => { pgm.sql(${JSON.stringify(m.down)}); };\n`,
    );
  }
  // Knex's CLI needs a knexfile; the URL comes from the environment (BENCH_DATABASE_URL).
  const knexfile = join(root, 'knexfile.js');
  await writeFile(
    knexfile,
    `module.exports = { client: 'pg', connection: process.env.BENCH_DATABASE_URL, migrations: { directory: ${JSON.stringify(knexDir)} } };\n`,
  );
  return { knexDir, npmDir, knexfile };
}

/** Knex's CLI as a whole process: `knex migrate:latest` or `knex migrate:status`. */
export function knexCli(url: string, knexfile: string, command: 'migrate:latest' | 'migrate:status') {
  // KNEX_PATH: the CLI looks for a local knex from the knexfile's (scratch) folder, then there.
  return runProcess('node', [peerBins.knex, command, '--knexfile', knexfile], {
    env: { ...process.env, BENCH_DATABASE_URL: url, KNEX_PATH: require.resolve('knex') },
  });
}

/** node-pg-migrate's CLI as a whole process: `node-pg-migrate up` (every pending migration). */
export function nodePgMigrateCli(url: string, dir: string) {
  return runProcess(
    'node',
    [peerBins.nodePgMigrate, 'up', '--migrations-dir', dir, '--migrations-table', 'pgmigrations'],
    {
      env: { ...process.env, DATABASE_URL: url },
    },
  );
}

/** One Knex instance per command, as a CLI run would make. */
export async function knexCommand(
  url: string,
  directory: string,
  command: 'latest' | 'rollback' | 'status',
): Promise<number> {
  const db = knexFactory({ client: 'pg', connection: url });
  try {
    if (command === 'latest') {
      const [, applied] = (await db.migrate.latest({ directory })) as [number, string[]];
      return applied.length;
    }
    if (command === 'rollback') {
      const [, undone] = (await db.migrate.rollback({ directory }, true)) as [number, string[]];
      return undone.length;
    }
    return await db.migrate.status({ directory });
  } finally {
    await db.destroy();
  }
}

/** node-pg-migrate up (all pending) or down (all), a transaction per migration. */
export async function nodePgMigrate(url: string, dir: string, direction: 'up' | 'down'): Promise<number> {
  const ran = await pgMigrate({
    databaseUrl: url,
    dir,
    direction,
    migrationsTable: 'pgmigrations',
    count: Number.POSITIVE_INFINITY,
    singleTransaction: false,
    log: () => {},
    noLock: false,
  });
  return ran.length;
}
