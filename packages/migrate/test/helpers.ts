import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary migrations folder holding real files written by the test. */
export interface MigrationDir {
  readonly path: string;
  write(name: string, content: string): Promise<string>;
  remove(name: string): Promise<void>;
  cleanup(): Promise<void>;
}

export async function migrationDir(): Promise<MigrationDir> {
  const path = await mkdtemp(join(tmpdir(), 'justscale-migrate-'));
  return {
    path,
    async write(name, content) {
      const file = join(path, name);
      await writeFile(file, content);
      return file;
    },
    remove: (name) => rm(join(path, name)),
    cleanup: () => rm(path, { recursive: true, force: true }),
  };
}

/** A `.sql` migration creating (up) and dropping (down) a table. */
export function tableMigration(table: string): string {
  return `-- up\nCREATE TABLE "${table}" (id int PRIMARY KEY);\n-- down\nDROP TABLE "${table}";\n`;
}

/** A `.ts` migration using the Database API (and TypeScript syntax, so the loader must transpile). */
export function tsTableMigration(table: string): string {
  return `interface Ctx { db: { raw(sql: string): Promise<void> } }
export default {
  async up({ db }: Ctx): Promise<void> { await db.raw('CREATE TABLE "${table}" (id int PRIMARY KEY)'); },
  async down({ db }: Ctx): Promise<void> { await db.raw('DROP TABLE "${table}"'); },
};
`;
}
