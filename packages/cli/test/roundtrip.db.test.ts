import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, spawnCli, testDatabaseUrl } from './helpers.js';

// Issue 15's regressions, each through the real binary as a user meets them: a generated
// migration's down, then up again, for an enum value added, an enum value removed (its column's
// default names it), and two tables joined by foreign keys dropped; `fresh` and `fresh --dry-run`
// on that history; `migrate test` and `migrate check` passing on it, then catching a hand-broken
// down and a forgotten `make`.
const models = (
  values: string[],
  withTags: boolean,
  extra = '',
) => `import { defineEnum, defineModel, field } from '@justscale/models';
export const TaskStatus = defineEnum('task_status', ${JSON.stringify(values)});
export const Organization = defineModel('organizations', {
  id: field.uuid().primaryKey(),
  name: field.string().max(200),${extra}
});
export const Task = defineModel('tasks', {
  id: field.uuid().primaryKey(),
  organizationId: field.uuid().references(Organization, { onDelete: 'CASCADE' }),
  status: field.enum(TaskStatus).default('todo'),
});
${
  withTags
    ? `export const Project = defineModel('projects', {
  id: field.uuid().primaryKey(),
  organizationId: field.uuid().references(Organization),
});
export const Tag = defineModel('tags', {
  id: field.uuid().primaryKey(),
  organizationId: field.uuid().references(Organization),
  projectId: field.uuid().references(Project, { onDelete: 'CASCADE' }),
});`
    : ''
}
`;

describe('generated migrations run up, down and up again (through the binary)', { timeout: 900_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dir: string;
  const js = async (expected: number, ...args: string[]) => {
    const r = await spawnCli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
    expect(r.code, `justscale ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(expected);
    return r;
  };
  /** make from a models file, migrate, rollback, migrate: the down and the up again both run. */
  const roundTrip = async (name: string, file: string) => {
    await js(0, 'migrate', 'make', name, '--models', file);
    await js(0, 'migrate');
    const back = await js(0, 'migrate', 'rollback');
    expect(back.stdout).toContain(name);
    const status = await js(4, 'migrate', 'status', '--check', '--json');
    expect(JSON.parse(status.stdout).migrations.at(-1)).toMatchObject({ applied: false });
    await js(0, 'migrate');
  };

  beforeAll(async () => {
    db = await testDatabaseUrl();
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    dir = await mkdtemp(join(packageRoot, '.justscale', 'roundtrip-'));
    await mkdir(join(dir, 'src'));
    const files: Record<string, string> = {
      'v1.ts': models(['todo', 'doing', 'done'], true),
      'v2.ts': models(['todo', 'doing', 'blocked', 'done'], true),
      'v3.ts': models(['todo', 'blocked', 'done'], true),
      'v4.ts': models(['todo', 'blocked', 'done'], false),
      'v5.ts': models(['todo', 'blocked', 'done'], false, '\n  slug: field.string().max(64).optional(),'),
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'src', name), text);
    await writeFile(
      join(dir, 'justscale.config.json'),
      JSON.stringify({ models: './src/v4.ts', migrations: { importFrom: '@justscale/migrate' } }),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('init, enum value added, enum value removed, FK-joined tables dropped: each rolls back and runs again', async () => {
    await js(0, 'migrate', 'make', 'init', '--models', 'src/v1.ts');
    await js(0, 'migrate');
    await roundTrip('add_blocked', 'src/v2.ts');
    await roundTrip('remove_doing', 'src/v3.ts');
    await roundTrip('drop_tags_and_projects', 'src/v4.ts');
    // The models and the database agree after all that.
    const again = await js(0, 'migrate', 'make', 'nothing', '--models', 'src/v4.ts', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ hasChanges: false });
  });

  it('fresh --dry-run and fresh run every down, then every up, on that history', async () => {
    const dry = await js(0, 'migrate', 'fresh', '--dry-run', '--json');
    const plan = JSON.parse(dry.stdout);
    expect(plan.migrations.filter((m: { direction: string }) => m.direction === 'down')).toHaveLength(4);
    const fresh = await js(0, 'migrate', 'fresh', '--json', '--force');
    const result = JSON.parse(fresh.stdout);
    expect(result.rolledBack).toHaveLength(4);
    expect(result.applied).toHaveLength(4);
  });

  it('migrate test: a line per migration, up, down, up; the models match', async () => {
    const r = await js(0, 'migrate', 'test');
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('✓'));
    expect(lines.map((l) => l.split(' ')[1]!.replace(/^\d+_/, ''))).toEqual([
      'init',
      'add_blocked',
      'remove_doing',
      'drop_tags_and_projects',
    ]);
    expect(r.stdout).toContain('4 migrations run up, down and up again; the models match them.');
  });

  it('migrate check: 0 when the models agree, 4 when a make is missing (--json lists it)', async () => {
    const ok = await js(0, 'migrate', 'check');
    expect(ok.stdout).toContain('The 4 migration(s) give the schema the models describe.');
    const drift = await js(4, 'migrate', 'check', '--models', 'src/v5.ts');
    expect(drift.stdout).toContain('run `justscale migrate make <name>`');
    expect(drift.stdout).toContain('addColumn column public.organizations.slug');
    const json = JSON.parse((await js(4, 'migrate', 'check', '--models', 'src/v5.ts', '--json')).stdout);
    expect(json.ok).toBe(false);
    expect(json.changes.map((c: { object: string }) => c.object)).toEqual([
      'column public.organizations.slug',
    ]);
    // migrate test finds the same drift and fails.
    const test = await js(1, 'migrate', 'test', '--models', 'src/v5.ts');
    expect(test.stderr).toContain('ADD COLUMN "slug"');
  });

  it('migrate test catches a hand-broken down, names the migration and prints the difference; check does not run downs', async () => {
    // The migration files (the ownership records live beside them in .models/).
    const names = (await readdir(join(dir, 'migrations'))).filter((n) => n.endsWith('.ts'));
    await writeFile(
      join(dir, 'migrations', '29990101000000_broken_down.ts'),
      `import { defineMigration } from '@justscale/migrate';
export default defineMigration({
  async up({ db }) {
    await db.raw('CREATE TABLE "public"."audit" ("id" integer PRIMARY KEY)');
    await db.raw('ALTER TABLE "public"."organizations" ADD COLUMN "note" text');
  },
  async down({ db }) {
    await db.raw('DROP TABLE "public"."audit"');
  },
});
`,
    );
    expect(names).toHaveLength(4);
    const r = await js(1, 'migrate', 'test', '--models', 'src/v4.ts');
    expect(r.stdout).toContain('✗ 29990101000000_broken_down (down)');
    expect(r.stderr).toContain(
      '29990101000000_broken_down: down failed: down did not give back the schema before up',
    );
    expect(r.stderr).toContain('ALTER TABLE "public"."organizations" DROP COLUMN "note"');
    if (db.kind === 'server') {
      // --database-url: a scratch database made on that server (and dropped), not the one in use.
      const server = await js(1, 'migrate', 'test', '--database-url', process.env.DATABASE_URL!);
      expect(server.stderr).toContain('29990101000000_broken_down: down failed');
      expect(server.stderr).toMatch(/on scratch database justscale_test_[0-9a-f]{12} on /);
    }
    const json = JSON.parse((await js(1, 'migrate', 'test', '--json')).stdout);
    expect(json.failed).toMatchObject({ name: '29990101000000_broken_down', stage: 'down' });
    expect(json.migrations.filter((m: { ok: boolean }) => m.ok)).toHaveLength(4);
    // check replays ups only: the migrations run, and the models lack note. audit is a table the
    // models never owned (no ownership record lists it): it is left alone, not planned for a drop.
    const check = await js(4, 'migrate', 'check', '--json');
    expect(
      JSON.parse(check.stdout)
        .changes.map((c: { kind: string }) => c.kind)
        .sort(),
    ).toEqual(['dropColumn']);
  });

  it('migrate check exits 1 naming the migration whose up fails', async () => {
    await writeFile(
      join(dir, 'migrations', '29990101000001_bad_up.ts'),
      `import { defineMigration } from '@justscale/migrate';
export default defineMigration({
  async up({ db }) {
    await db.raw('ALTER TABLE "public"."no_such_table" ADD COLUMN "x" integer');
  },
  async down() {},
});
`,
    );
    const r = await js(1, 'migrate', 'check');
    expect(r.stderr).toContain('29990101000001_bad_up: up failed');
    expect(r.stderr).toContain('no_such_table');
  });
});
