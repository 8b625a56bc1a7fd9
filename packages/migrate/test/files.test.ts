import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Database,
  discoverMigrations,
  jitiLoader,
  loadMigration,
  MigrateError,
  MigrationLoadError,
  nodeFileSystem,
} from '../src/index.js';
import { type MigrationDir, migrationDir } from './helpers.js';

const defineMigrationPath = fileURLToPath(new URL('../src/define-migration.ts', import.meta.url));

/** A Database API that only records raw SQL: enough to see what a loaded migration's up and down do. */
function recordingDb(): { db: Database; sql: string[] } {
  const sql: string[] = [];
  const db = { raw: async (text: string) => void sql.push(text) } as unknown as Database;
  return { db, sql };
}

let dir: MigrationDir;
beforeEach(async () => {
  dir = await migrationDir();
});
afterEach(async () => {
  await dir.cleanup();
});

async function loadOnly(name: string) {
  const [file] = (await discoverMigrations(nodeFileSystem, dir.path)).filter((f) => f.name === name);
  return loadMigration(file!, jitiLoader());
}

describe('discoverMigrations', () => {
  it('lists migration files by name with sha256 checksums of their bytes, skipping other files', async () => {
    await dir.write('002_b.sql', '-- up\nSELECT 2;');
    await dir.write('001_a.ts', 'export default { up() {} };');
    await dir.write('010_c.mjs', 'export default { up() {} };');
    await dir.write('003_types.d.ts', 'export {};');
    await dir.write('README.md', '# notes');
    await dir.write('.hidden.ts', 'export {};');
    const files = await discoverMigrations(nodeFileSystem, dir.path);
    expect(files.map((f) => [f.name, f.extension])).toEqual([
      ['001_a', '.ts'],
      ['002_b', '.sql'],
      ['010_c', '.mjs'],
    ]);
    expect(files[1]!.checksum).toBe(createHash('sha256').update('-- up\nSELECT 2;').digest('hex'));
  });

  it('refuses two files with one name', async () => {
    await dir.write('001_a.ts', 'export default { up() {} };');
    await dir.write('001_a.sql', '-- up\nSELECT 1;');
    await expect(discoverMigrations(nodeFileSystem, dir.path)).rejects.toMatchObject({
      code: 'MIGRATION_DUPLICATE_NAME',
      message: expect.stringContaining('001_a.sql'),
    });
  });

  it('a missing directory is a typed error naming it', async () => {
    await expect(discoverMigrations(nodeFileSystem, `${dir.path}/nope`)).rejects.toMatchObject({
      code: 'MIGRATION_DIRECTORY_MISSING',
      message: expect.stringContaining(`${dir.path}/nope`),
    });
  });

  it('uses the injected file system', async () => {
    const files = await discoverMigrations(
      {
        readdir: async () => ['b.sql', 'a.sql'],
        readFile: async (path) => new TextEncoder().encode(`-- up\nSELECT '${path}';`),
      },
      '/virtual',
    );
    expect(files.map((f) => f.path)).toEqual(['/virtual/a.sql', '/virtual/b.sql']);
  });
});

describe('loadMigration', () => {
  it.each([
    [
      '.ts',
      'export default { async up({ db }: { db: any }): Promise<void> { await db.raw("ts up"); }, transaction: false as const };',
    ],
    [
      '.mts',
      'const m: { up(c: any): Promise<void> } = { async up({ db }) { await db.raw("mts up"); } };\nexport default m;',
    ],
    ['.js', 'export default { async up({ db }) { await db.raw("js up"); } };'],
    ['.mjs', 'export default { async up({ db }) { await db.raw("mjs up"); } };'],
  ])('loads a %s module directly', async (extension, content) => {
    await dir.write(`001_m${extension}`, content);
    const migration = await loadOnly('001_m');
    const { db, sql } = recordingDb();
    await migration.up({ db });
    expect(sql).toEqual([`${extension.slice(1)} up`]);
    expect(migration.down).toBeUndefined();
    expect(migration.transaction).toBe(extension !== '.ts');
  });

  it('loads a .ts file that imports defineMigration and other local modules', async () => {
    await dir.write('helper.mts', 'export const table = "from_helper";');
    await dir.write(
      '001_m.ts',
      `import { defineMigration } from ${JSON.stringify(defineMigrationPath)};
import { table } from './helper.mjs';
export default defineMigration({
  async up({ db }) { await db.raw('CREATE TABLE ' + table); },
  async down({ db }) { await db.raw('DROP TABLE ' + table); },
});`,
    );
    const migration = await loadOnly('001_m');
    const { db, sql } = recordingDb();
    await migration.up({ db });
    await migration.down!({ db });
    expect(sql).toEqual(['CREATE TABLE from_helper', 'DROP TABLE from_helper']);
  });

  it('loads a .sql file into raw up and down', async () => {
    await dir.write('001_m.sql', '-- up\nCREATE TABLE t (id int);\n-- down\nDROP TABLE t;');
    const migration = await loadOnly('001_m');
    const { db, sql } = recordingDb();
    await migration.up({ db });
    await migration.down!({ db });
    expect(sql).toEqual(['CREATE TABLE t (id int);', 'DROP TABLE t;']);
  });

  it.each([
    [
      'a syntax error',
      '001_m.ts',
      'export default { up() { return ( } };',
      /Cannot load migration .*001_m\.ts/,
    ],
    ['no default export', '001_m.mjs', 'export const up = () => {};', /has no default export/],
    ['up not a function', '001_m.js', 'export default { up: "CREATE TABLE t ()" };', /has no `up` function/],
    ['down not a function', '001_m.js', 'export default { up() {}, down: 1 };', /`down` is not a function/],
    [
      'a bad transaction option',
      '001_m.js',
      'export default { up() {}, transaction: "no" };',
      /`transaction` option/,
    ],
    [
      'an import of a missing module',
      '001_m.ts',
      'import { x } from "justscale-no-such-module-4242";\nexport default { up() { return x; } };',
      /justscale-no-such-module-4242/,
    ],
    ['a .sql file without an up section', '001_m.sql', '-- down\nDROP TABLE t;', /needs an "-- up" section/],
  ])('rejects %s with a MigrationLoadError naming the file', async (_, name, content, message) => {
    const path = await dir.write(name, content);
    const error = await loadOnly('001_m').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationLoadError);
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrationLoadError).code).toBe('MIGRATION_LOAD_FAILED');
    expect((error as MigrationLoadError).file).toBe(path);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(message);
  });

  it('reads an edited module afresh (no stale cache)', async () => {
    await dir.write('001_m.mjs', 'export default { async up({ db }) { await db.raw("one"); } };');
    await loadOnly('001_m');
    await dir.write('001_m.mjs', 'export default { async up({ db }) { await db.raw("two"); } };');
    const { db, sql } = recordingDb();
    await (await loadOnly('001_m')).up({ db });
    expect(sql).toEqual(['two']);
  });
});
