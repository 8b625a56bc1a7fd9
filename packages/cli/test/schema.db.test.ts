import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, execOn, project, testDatabaseUrl } from './helpers.js';

describe('schema diff', { timeout: 240_000 }, () => {
  let from: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let to: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let p: Awaited<ReturnType<typeof project>>;

  beforeAll(async () => {
    from = await testDatabaseUrl();
    to = await testDatabaseUrl();
    p = await project();
  });
  afterAll(async () => {
    await p?.cleanup();
    await from?.close();
    await to?.close();
  });

  const diff = (...extra: string[]) =>
    cli(['schema', 'diff', '--from', from.url, '--to', to.url, ...extra], { cwd: p.dir, env: {} });

  it('prints nothing and exits 0 when the schemas are equal', async () => {
    const r = await diff();
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect((await diff('--exit-code')).code).toBe(0);
  });

  it('prints the SQL that turns --from into --to; --exit-code exits 4; json lists statements', async () => {
    await execOn(to.url, 'CREATE TABLE "Mixed Case" (id int PRIMARY KEY, "a""b" text);');
    const r = await diff();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE "public"."Mixed Case"');
    expect(r.stdout).toContain('"a""b"');
    expect((await diff('--exit-code')).code).toBe(4);
    const json = JSON.parse((await diff('--format', 'json')).stdout);
    expect(json.hasChanges).toBe(true);
    expect(json.statements[0]).toMatchObject({ transactional: true, hazards: [] });

    // Applying the printed SQL makes them equal.
    await execOn(from.url, r.stdout);
    expect(await diff()).toMatchObject({ code: 0, stdout: '' });
  });

  it('shows hazards as comments, and filters by --schema', async () => {
    await execOn(to.url, 'CREATE SCHEMA other; CREATE TABLE other.t (id int);');
    await execOn(from.url, 'ALTER TABLE "Mixed Case" ADD COLUMN extra int;');
    const r = await diff('--schema', 'public');
    expect(r.stdout).toMatch(
      /-- hazard deletes-data:[^\n]*\n(-- [^\n]*\n)*ALTER TABLE [^\n]* DROP COLUMN "extra";/,
    );
    expect(r.stdout).not.toContain('other');
    const both = await diff('--schema', 'public,other');
    expect(both.stdout).toContain('"other"."t"');
  });
});
