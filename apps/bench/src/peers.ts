/**
 * The peer runners, driven in-process through their own APIs with the same SQL as ours: Knex
 * (a transaction per migration, its default) and node-pg-migrate (`singleTransaction: false`, so a
 * transaction per migration too).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import knexFactory from 'knex';
import { runner as pgMigrate } from 'node-pg-migrate';

const require = createRequire(import.meta.url);

/** The peers' CLI entry points, for cold-start figures. */
export const peerBins = {
  knex: require.resolve('knex/bin/cli.js'),
  nodePgMigrate: join(require.resolve('node-pg-migrate/package.json'), '..', 'bin', 'node-pg-migrate.js'),
};

/** Writes the same migrations as one CommonJS file each, in the format both peers load. */
export async function writePeerMigrations(
  root: string,
  migrations: readonly { name: string; up: string; down: string }[],
): Promise<{ knexDir: string; npmDir: string }> {
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
  return { knexDir, npmDir };
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
