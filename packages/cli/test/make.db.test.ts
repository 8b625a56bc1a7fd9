import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, packageRoot, testDatabaseUrl } from './helpers.js';

// The project lives inside the package (under the git-ignored .justscale/) so that its models and
// generated migrations resolve @justscale/models and @justscale/migrate like a user's project does.
const v1 = `import { defineEnum, defineModel, field } from '@justscale/models';
export const Status = defineEnum('Status', ['active', 'inactive']);
export const Users = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(255).unique(),
  status: field.enum(Status).default('active'),
  createdAt: field.createdAt(),
}, { checks: [{ name: 'email_not_blank', expression: "email <> ''" }] });
export const notAModel = 42;
`;
const v2 = v1.replace(
  'createdAt: field.createdAt(),',
  'createdAt: field.createdAt(),\n  avatarUrl: field.text().optional(),',
);

describe('migrate make from the models', { timeout: 240_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dir: string;
  let run: (...args: string[]) => ReturnType<typeof cli>;
  const made = async (suffix: string) => {
    const names = await readdir(join(dir, 'migrations'));
    const name = names.find((n) => n.endsWith(`_${suffix}.ts`));
    expect(name, `a file ending _${suffix}.ts in ${names.join(', ')}`).toBeDefined();
    return readFile(join(dir, 'migrations', name!), 'utf8');
  };

  beforeAll(async () => {
    db = await testDatabaseUrl();
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    dir = await mkdtemp(join(packageRoot, '.justscale', 'make-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src/models.ts'), v1);
    await writeFile(join(dir, 'src/models-v2.ts'), v2);
    await writeFile(
      join(dir, 'justscale.config.json'),
      JSON.stringify({ models: './src/models.ts', migrations: { importFrom: '@justscale/migrate' } }),
    );
    run = (...args) => cli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('writes the plan as up, through the Database API where it can, and its undoing as down', async () => {
    const r = await run('migrate', 'make', 'create_users', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toMatch(/migrations\/\d{14}_create_users\.ts$/);
    expect(out.statements.up).toBeGreaterThan(1);
    const source = await made('create_users');
    expect(source).toContain(`import { defineMigration } from '@justscale/migrate';`);
    expect(source).toContain(
      `await db.createType({ schema: 'public', name: 'Status' }, ['active', 'inactive']);`,
    );
    // the table through field builders, as written by hand
    expect(source).toContain(
      "await db.createTable({ schema: 'public', name: 'users' }, {\n      id: field.uuid().primaryKey(),",
    );
    expect(source.indexOf(`await db.dropTable({ schema: 'public', name: 'users' });`)).toBeGreaterThan(
      source.indexOf('async down'),
    );
    expect(source).not.toContain('transaction: false');
  });

  it('the generated migration runs, and then the models match: nothing more to make', async () => {
    const up = await run('migrate');
    expect(up.code, up.stderr).toBe(0);
    const again = await run('migrate', 'make', 'nothing', '--json');
    expect(JSON.parse(again.stdout)).toEqual({ file: null, hasChanges: false, statements: [] });
    expect((await readdir(join(dir, 'migrations'))).filter((n) => n.endsWith('.ts')).length).toBe(1);
  });

  it('a model change (--models) becomes a migration; its down restores the schema', async () => {
    const dry = await run('migrate', 'make', 'add_avatar', '--models', 'src/models-v2.ts', '--dry-run');
    expect(dry.stdout).toContain("t.addColumn('avatarUrl', field.text().optional())");
    expect((await readdir(join(dir, 'migrations'))).filter((n) => n.endsWith('.ts')).length).toBe(1);

    const r = await run('migrate', 'make', 'add_avatar', '--models', 'src/models-v2.ts');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Created migrations\/\d{14}_add_avatar\.ts/);
    expect(r.stdout).toContain('_add_avatar.ts: migration (1 statement).');
    const source = await made('add_avatar');
    expect(source).toContain(
      "await db.alterTable({ schema: 'public', name: 'users' }, (t) => t.addColumn('avatarUrl', field.text().optional()));",
    );
    expect(source).toMatch(
      /async down[\s\S]*hazard deletes-data[^\n]*\n(\s*\/\/[^\n]*\n)*\s+await db\.alterTable\(\{ schema: 'public', name: 'users' \}, \(t\) => t\.dropColumn\('avatar_url'\)\)/,
    );

    const applied = await run('migrate');
    // The output names the cause if this ever fails (it failed once in CI, exit 1, not reproduced).
    expect(applied.code, `${applied.stdout}\n${applied.stderr}`).toBe(0);
    expect(
      JSON.parse((await run('migrate', 'make', 'x', '--models', 'src/models-v2.ts', '--json')).stdout)
        .hasChanges,
    ).toBe(false);
    expect((await run('migrate', 'rollback')).code).toBe(0);
    // After the rollback, add_avatar is pending: a new migration would repeat it, so make refuses (exit 4).
    const refused = await run('migrate', 'make', 'x', '--json');
    expect(refused.code).toBe(4);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'MIGRATIONS_PENDING' });
    expect(JSON.parse(refused.stdout).error.message).toMatch(/\d{14}_add_avatar/);
  });

  it('without models configured, says how to configure them (exit 2)', async () => {
    const r = await cli(['migrate', 'make', 'x'], { cwd: join(dir, 'src'), env: { DATABASE_URL: db.url } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MODELS_NOT_FOUND');
  });

  it('with a models path that does not exist, says so by name (exit 2)', async () => {
    // From src/, where no migration is pending (the test before left one pending in the project).
    const r = await cli(['migrate', 'make', 'x', '--models', './nope.ts'], {
      cwd: join(dir, 'src'),
      env: { DATABASE_URL: db.url },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MODELS_NOT_FOUND');
    expect(r.stderr).toContain('nope.ts: no such file');
  });
});

describe('schema push', { timeout: 240_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dir: string;
  let run: (...args: string[]) => ReturnType<typeof cli>;

  beforeAll(async () => {
    db = await testDatabaseUrl();
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    dir = await mkdtemp(join(packageRoot, '.justscale', 'push-'));
    await writeFile(join(dir, 'models.ts'), v1);
    await writeFile(join(dir, 'smaller.ts'), v1.replace('  createdAt: field.createdAt(),\n', ''));
    run = (...args) => cli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('syncs the database to the models, and refuses data loss unless allowed', async () => {
    const dry = await run('schema', 'push', '--models', 'models.ts', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('CREATE TABLE "public"."users"');
    const push = await run('schema', 'push', '--models', 'models.ts');
    expect(push.code, push.stderr).toBe(0);
    expect(push.stdout).toMatch(/Pushed \d+ statements/);
    expect((await run('schema', 'push', '--models', 'models.ts')).stdout).toContain(
      'The database matches the models.',
    );

    const refused = await run('schema', 'push', '--models', 'smaller.ts');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('HAZARDS_REFUSED');
    expect(refused.stderr).toContain('--allow-hazards deletes-data');
    const json = JSON.parse((await run('schema', 'push', '--models', 'smaller.ts', '--json')).stdout);
    expect(json.refused.map((h: { kind: string }) => h.kind)).toContain('deletes-data');
    // A dry run shows the plan with its hazards, then refuses them (exit 3); nothing runs.
    const dryRefused = await run('schema', 'push', '--models', 'smaller.ts', '--dry-run');
    expect(dryRefused.code).toBe(3);
    expect(dryRefused.stdout).toContain('-- hazard deletes-data');
    expect(dryRefused.stdout).toMatch(/DROP COLUMN "created_?[aA]t"/);
    expect(dryRefused.stderr).toContain('HAZARDS_REFUSED');

    const allowed = await run(
      'schema',
      'push',
      '--models',
      'smaller.ts',
      '--allow-hazards',
      'deletes-data,access-exclusive-lock',
    );
    expect(allowed.code, allowed.stderr).toBe(0);
    expect((await run('schema', 'push', '--models', 'smaller.ts')).stdout).toContain(
      'The database matches the models.',
    );
  });
});

describe('schema pull', { timeout: 240_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dir: string;
  let run: (...args: string[]) => ReturnType<typeof cli>;

  beforeAll(async () => {
    db = await testDatabaseUrl();
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    dir = await mkdtemp(join(packageRoot, '.justscale', 'pull-'));
    await writeFile(join(dir, 'models.ts'), v1);
    run = (...args) => cli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('writes models that describe the database: pushing them back changes nothing', async () => {
    expect((await run('schema', 'push', '--models', 'models.ts')).code).toBe(0);
    const pulled = await run('schema', 'pull', '--out', 'pulled.ts', '--json');
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ tables: 1, enums: 1 });
    const source = await readFile(join(dir, 'pulled.ts'), 'utf8');
    expect(source).toContain("defineModel('users'");
    expect((await run('schema', 'pull', '--out', 'pulled.ts')).code).toBe(2);
    const printed = await run('schema', 'pull', '--stdout');
    expect(printed.stdout, printed.stderr).toBe(source);
    const back = await run('schema', 'push', '--models', 'pulled.ts');
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain('The database matches the models.');
  });
});
