import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDataDir } from '../src/index.js';
import { pgliteTemplateDump } from '../src/pglite-template.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const userTables = "SELECT count(*)::int AS n FROM pg_catalog.pg_tables WHERE schemaname = 'public'";

describe('PGlite clusters copied from a template', () => {
  it('createPgliteDataDir gives each folder a fresh cluster of its own', async () => {
    const [a, b] = [await mkdtemp(join(tmpdir(), 'jst-tpl-a-')), await mkdtemp(join(tmpdir(), 'jst-tpl-b-'))];
    dirs.push(a, b);
    await createPgliteDataDir(a);
    await createPgliteDataDir(b);
    const first = await PGlite.create({ dataDir: a });
    await first.exec('CREATE TABLE only_in_a (id int)');
    await first.close();
    const reopened = await PGlite.create({ dataDir: a });
    const other = await PGlite.create({ dataDir: b });
    try {
      expect((await reopened.query<{ n: number }>(userTables)).rows[0]?.n).toBe(1);
      expect((await other.query<{ n: number }>(userTables)).rows[0]?.n).toBe(0);
      expect(
        (await other.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version,
      ).toMatch(/^\d+/);
    } finally {
      await reopened.close();
      await other.close();
    }
  });

  it('the in-memory template is an empty cluster, and a database loaded from it is independent', async () => {
    const one = await PGlite.create({ loadDataDir: await pgliteTemplateDump() });
    const two = await PGlite.create({ loadDataDir: await pgliteTemplateDump() });
    try {
      await one.exec('CREATE TABLE only_in_one (id int)');
      expect((await one.query<{ n: number }>(userTables)).rows[0]?.n).toBe(1);
      expect((await two.query<{ n: number }>(userTables)).rows[0]?.n).toBe(0);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
