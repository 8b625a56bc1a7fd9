import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionsCreatedIn } from '../src/pglite-extensions.js';
import { project, spawnCli } from './helpers.js';

// PGlite loads an extension's files only when it is passed at construction: the CLI loads the
// contrib extensions the migrations create, and those already in the database, when it opens a
// PGlite folder (the embedded default or pglite:<dir>).

describe('extensionsCreatedIn', () => {
  it('finds CREATE EXTENSION in .sql and module files, and db.createExtension calls', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'justscale-ext-'));
    try {
      await writeFile(
        join(dir, '001_a.sql'),
        '-- up\nCREATE EXTENSION IF NOT EXISTS CITEXT;\ncreate extension "uuid-ossp" schema public;\n',
      );
      await writeFile(
        join(dir, '002_b.ts'),
        "export default { async up({ db }) { await db.createExtension('pg_trgm'); } };",
      );
      await writeFile(
        join(dir, '003_c.mjs'),
        'export default { async up({ db }) { await db.raw(`CREATE EXTENSION hstore`); } };',
      );
      await writeFile(join(dir, 'notes.txt'), 'CREATE EXTENSION ltree;');
      expect(await extensionsCreatedIn(dir)).toEqual(['citext', 'hstore', 'pg_trgm', 'uuid-ossp']);
      expect(await extensionsCreatedIn(join(dir, 'missing'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('contrib extensions on a PGlite folder, through the binary', { timeout: 300_000 }, () => {
  it('migrations create citext, pgcrypto, uuid-ossp, pg_trgm and hstore; a later run without them in its files still uses them', async () => {
    const p = await project({
      'migrations/001_ext.sql':
        '-- up\nCREATE EXTENSION IF NOT EXISTS citext;\nCREATE EXTENSION pgcrypto;\nCREATE EXTENSION "uuid-ossp";\n' +
        "CREATE TABLE u (email citext PRIMARY KEY, id uuid NOT NULL DEFAULT uuid_generate_v4(), salt text DEFAULT gen_salt('bf'));\n" +
        '-- down\nDROP TABLE u;\nDROP EXTENSION "uuid-ossp";\nDROP EXTENSION pgcrypto;\nDROP EXTENSION citext;\n',
      'migrations/002_more.ts':
        'export default { async up({ db }) {\n' +
        "  await db.createExtension('pg_trgm');\n" +
        "  await db.raw('CREATE EXTENSION hstore; ALTER TABLE u ADD COLUMN attrs hstore; CREATE INDEX u_trgm ON u USING gin ((email::text) gin_trgm_ops)');\n" +
        '}, async down({ db }) {\n' +
        "  await db.raw('DROP INDEX u_trgm; ALTER TABLE u DROP COLUMN attrs; DROP EXTENSION hstore; DROP EXTENSION pg_trgm');\n" +
        '} };\n',
      // Uses every extension, and creates none: they are in the database already.
      'later/001_use.sql':
        "-- up\nINSERT INTO u (email, attrs) VALUES ('Ann@Example.com', 'plan=>pro');\n" +
        "SELECT 1 / count(*)::int FROM u WHERE email = 'ann@example.COM' AND attrs -> 'plan' = 'pro'\n" +
        "  AND similarity(email::text, 'ann@example.com') > 0.5 AND crypt('pw', salt) IS NOT NULL;\n",
    });
    const url = `pglite:${join(p.dir, 'db')}`;
    try {
      const first = await spawnCli(['migrate', '--database-url', url], { cwd: p.dir, env: {} });
      expect(first.stderr).toBe('Running 2 migrations…\n');
      expect(first.code).toBe(0);
      const later = await spawnCli(
        ['migrate', '--database-url', url, '--migrations', 'later', '--table', '_later'],
        {
          cwd: p.dir,
          env: {},
        },
      );
      expect(later.stderr).toBe('Running 1 migration…\n');
      expect(later.code).toBe(0);
      expect(later.stdout).toContain('✓ 001_use');
      // migrate test replays them on an in-memory PGlite, which loads them the same way.
      const replay = await spawnCli(['migrate', 'test'], { cwd: p.dir, env: {} });
      expect(replay.stderr).not.toContain('error');
      expect(replay.code).toBe(0);
      expect(replay.stdout).toMatch(/001_ext/);
      // The embedded default too: the same files in its default folder.
      const embedded = await spawnCli(['migrate', '--json'], { cwd: p.dir, env: {} });
      expect(embedded.code).toBe(0);
      expect(JSON.parse(embedded.stdout).applied.map((m: { name: string }) => m.name)).toEqual([
        '001_ext',
        '002_more',
      ]);
    } finally {
      await p.cleanup();
    }
  });
});
