import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, project, testDatabaseUrl } from './helpers.js';

// AdventureWorks (fixtures/adventureworks): nine schemas, none of them public. `schema diff` with
// no --schema must see all of them.
const ADVENTUREWORKS = readFileSync(
  new URL('../../../fixtures/adventureworks/schema.sql', import.meta.url),
  'utf8',
);

/** Runs a script on a database named as the CLI names it; PGlite with AdventureWorks' extensions. */
async function execScript(url: string, sql: string): Promise<void> {
  if (url.startsWith('pglite:')) {
    const { createPgliteDriver } = await import('@justscale/driver-pglite');
    const { tablefunc } = await import('@electric-sql/pglite/contrib/tablefunc');
    const { uuid_ossp } = await import('@electric-sql/pglite/contrib/uuid_ossp');
    const driver = await createPgliteDriver({
      dataDir: url.slice('pglite:'.length),
      extensions: { tablefunc, uuid_ossp },
    });
    try {
      await driver.exec(sql);
    } finally {
      await driver.close();
    }
    return;
  }
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('schema diff compares every non-system schema by default', { timeout: 600_000 }, () => {
  let a: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let b: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let empty: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let p: Awaited<ReturnType<typeof project>>;

  beforeAll(async () => {
    a = await testDatabaseUrl();
    b = await testDatabaseUrl();
    empty = await testDatabaseUrl();
    p = await project();
    // Open each once, so that a PGlite directory holds a cluster before the CLI reads it.
    for (const db of [a, b, empty]) await execScript(db.url, 'SELECT 1');
  });
  afterAll(async () => {
    await p?.cleanup();
    await a?.close();
    await b?.close();
    await empty?.close();
  });

  const diff = (from: string, to: string, ...extra: string[]) =>
    cli(['schema', 'diff', '--from', from, '--to', to, ...extra], { cwd: p.dir, env: {} });

  it('AdventureWorks from empty converges, and a second diff is empty', async () => {
    await execScript(b.url, ADVENTUREWORKS);
    const r = await diff(a.url, b.url);
    expect(r.code, r.stderr).toBe(0);
    for (const schema of ['humanresources', 'person', 'production', 'purchasing', 'sales', 'pe'])
      expect(r.stdout).toContain(`CREATE SCHEMA "${schema}"`);
    expect(r.stdout).toContain('CREATE TABLE "sales"."salesorderheader"');
    await execScript(a.url, r.stdout);
    const again = await diff(a.url, b.url, '--exit-code');
    expect(again, again.stdout).toMatchObject({ code: 0, stdout: '' });
  });

  it('AdventureWorks with itself is empty', async () => {
    const r = await diff(b.url, a.url, '--exit-code');
    expect(r, r.stdout).toMatchObject({ code: 0, stdout: '' });
  });

  it('--schema narrows and --exclude-schema removes', async () => {
    const sales = await diff(a.url, empty.url, '--schema', 'sales');
    expect(sales.code, sales.stderr).toBe(0);
    expect(sales.stdout).toContain('DROP TABLE "sales"."salesorderheader"');
    expect(sales.stdout).not.toContain('"person"."person"');
    const rest = await diff(a.url, empty.url, '--exclude-schema', 'sales,person', '--exclude-schema', 'pr');
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stdout).toContain('DROP TABLE "production"."product"');
    expect(rest.stdout).not.toMatch(/"(sales|person|pr)"\./);
    const bad = await diff(a.url, empty.url, '--exclude-schema', 'x'.repeat(64));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--exclude-schema');
  });

  it('AdventureWorks to empty converges, and a second diff is empty', async () => {
    const r = await diff(a.url, empty.url);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('DROP SCHEMA "sales"');
    await execScript(a.url, r.stdout);
    const again = await diff(a.url, empty.url, '--exit-code');
    expect(again, again.stdout).toMatchObject({ code: 0, stdout: '' });
  });

  it('compares privileges: a grant B has and A lacks is planned, and then nothing is left', async () => {
    // Roles are the cluster's: pg_monitor exists on every server and in PGlite.
    await execScript(a.url, 'CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE SEQUENCE app.s');
    await execScript(
      b.url,
      `CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE SEQUENCE app.s;
       GRANT USAGE ON SCHEMA app TO pg_monitor; GRANT SELECT, INSERT ON app.t TO pg_monitor;
       GRANT USAGE ON SEQUENCE app.s TO pg_monitor`,
    );
    const r = await diff(a.url, b.url, '--schema', 'app');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('GRANT USAGE ON SCHEMA "app" TO "pg_monitor"');
    expect(r.stdout).toMatch(/GRANT INSERT, SELECT ON (TABLE )?"app"\."t" TO "pg_monitor"/);
    await execScript(a.url, r.stdout);
    const again = await diff(a.url, b.url, '--schema', 'app', '--exit-code');
    expect(again, again.stdout).toMatchObject({ code: 0, stdout: '' });
  });
});
