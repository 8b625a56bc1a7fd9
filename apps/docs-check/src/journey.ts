import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Packed } from './pack.js';

/**
 * The seed's examples as a user would write them in their own project, outside the workspace, on
 * the installed tarballs: the models and migrations of apps/example (field builders, a hand-written
 * migration with the Database API, a generated one, a seeder), this program (generateMigration,
 * applyMigration, syncSchema, the runner's migrate, status, rollback and fresh, with the seed's raw
 * clients), and then the `justscale` binary. `tsc` compiles it first, so the installed `.d.ts` files
 * must type the seed's code too.
 */
const seedProgram = `// The seed's programmatic examples. Run: node build/api.js [database-url] (no URL: PGlite in memory).
import { PGlite } from '@electric-sql/pglite';
import { applyMigration, createMigrationRunner, defineModel, field, generateMigration, syncSchema } from '@justscale/postgres';
import pg from 'pg';
import { PgOrder, PgProduct, PgUser } from './src/models.js';
import { PgUser as PgUserV2 } from './src/models-v2.js';

const url = process.argv[2];
const client = url ? new pg.Pool({ connectionString: url }) : new PGlite();
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error('journey: ' + what);
}
async function count(table: string): Promise<number> {
  const sql = 'SELECT count(*)::int AS n FROM ' + table;
  const result = client instanceof PGlite ? await client.query<{ n: number }>(sql) : await client.query<{ n: number }>(sql);
  return result.rows[0]!.n;
}

try {
  const runner = createMigrationRunner(client, { directory: './migrations', table: '_migrations' });
  const applied = await runner.migrate();
  check(applied.length === 3, 'migrate applies the three migrations, got ' + applied.map((m) => m.name).join(', '));
  check((await runner.status()).every((m) => m.applied), 'status: every migration applied');
  check((await count('orders')) === 2, 'the seeder inserted two orders');

  // The models and the migrations agree: nothing to generate.
  const same = await generateMigration(client, PgUser, PgProduct, PgOrder);
  check(!same.hasChanges, 'no changes expected, got ' + same.sql);
  // A model change: users gain a phone.
  const migration = await generateMigration(client, PgUserV2, PgProduct, PgOrder);
  check(migration.hasChanges && /ADD COLUMN "phone"/.test(migration.sql), 'ADD COLUMN expected, got ' + migration.sql);
  check(migration.changes.length > 0, 'changes are listed');
  await applyMigration(client, migration);
  check(!(await generateMigration(client, PgUserV2, PgProduct, PgOrder)).hasChanges, 'applied: nothing left');

  // Dev mode, no tracking.
  const PgTag = defineModel('tags', { id: field.uuid().primaryKey(), label: field.string().max(50).unique() });
  await syncSchema(client, PgUserV2, PgProduct, PgOrder, PgTag);
  check((await count('tags')) === 0, 'syncSchema created tags');

  await runner.rollback();
  check((await runner.status()).every((m) => !m.applied), 'rollback reverts the batch');
  await runner.fresh();
  check((await runner.status()).every((m) => m.applied), 'fresh re-applies every migration');
  check((await count('orders')) === 2, 'fresh ran the seeder again');
  console.log('seed API journey ok on ' + (url ? 'the server' : 'PGlite'));
} finally {
  if (client instanceof PGlite) await client.close();
  else await client.end();
}
`;

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    // Our .d.ts files are checked too, not only the seed's code that uses them (typeErrors() keeps
    // the errors in our files and the app's, not those of other libraries' declarations).
    skipLibCheck: false,
    types: ['node'],
    outDir: 'build',
    rootDir: '.',
  },
  include: ['api.ts', 'src', 'migrations', 'justscale.config.ts'],
};

/** Writes a user's project into `app`: the example's files, the seed program, dependencies on the tarballs. */
export function writeScratchApp(root: string, app: string, packed: readonly Packed[]): void {
  const tarball = (name: string) => {
    const found = packed.find((p) => p.name === name);
    if (!found) throw new Error(`no tarball for ${name}`);
    return `file:${found.tarball}`;
  };
  // The versions the workspace tests with, so the install comes from the store.
  const versions = JSON.parse(readFileSync(join(root, 'apps', 'docs-check', 'package.json'), 'utf8'));
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  mkdirSync(app, { recursive: true });
  for (const entry of ['justscale.config.ts', 'src', 'migrations']) {
    cpSync(join(root, 'apps', 'example', entry), join(app, entry), { recursive: true });
  }
  writeFileSync(join(app, 'api.ts'), seedProgram);
  writeFileSync(join(app, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const pkg = {
    name: 'scratch-app',
    private: true,
    type: 'module',
    dependencies: {
      '@justscale/cli': tarball('@justscale/cli'),
      '@justscale/migrate': tarball('@justscale/migrate'),
      '@justscale/models': tarball('@justscale/models'),
      '@justscale/postgres': tarball('@justscale/postgres'),
      '@electric-sql/pglite': versions.dependencies['@electric-sql/pglite'],
      pg: versions.dependencies.pg,
    },
    devDependencies: {
      '@types/pg': versions.devDependencies['@types/pg'],
      '@types/node': rootPkg.devDependencies['@types/node'],
      typescript: rootPkg.devDependencies.typescript,
    },
  };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  // Every @justscale/* dependency, direct or not, is its tarball (pnpm reads overrides here).
  const overrides = packed.map((p) => `  '${p.name}': 'file:${p.tarball}'`).join('\n');
  writeFileSync(
    join(app, 'pnpm-workspace.yaml'),
    `allowBuilds:\n  esbuild: true\noverrides:\n${overrides}\n`,
  );
}

/** What a process printed and how it ended. */
interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking the event loop (a test worker must keep answering its runner). */
function exec(cmd: string, args: readonly string[], cwd: string, env = process.env): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Runs a program that must exit 0, and returns its stdout. */
async function sh(cmd: string, args: readonly string[], cwd: string): Promise<string> {
  const result = await exec(cmd, args, cwd);
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

async function justscale(
  app: string,
  args: string[],
  expected: number,
  log: (line: string) => void,
): Promise<string> {
  // The binary as users run it (node_modules/.bin/justscale), with no DATABASE_URL of ours in the way.
  const bin = join(app, 'node_modules', '.bin', 'justscale');
  log(`$ justscale ${args.join(' ')}`);
  const result = await exec(bin, args, app, { ...process.env, DATABASE_URL: '', NO_COLOR: '1' });
  if (result.status !== expected) {
    throw new Error(
      `justscale ${args.join(' ')} exited ${result.status} (expected ${expected})\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/**
 * The seed's CLI examples: `justscale migrate`, `migrate status`, `migrate make` from a model change,
 * `migrate pending`, `migrate rollback`, `migrate fresh`; on the config's embedded database when
 * `databaseUrl` is undefined. Removes the migration it made, so it can run again on another database.
 */
export async function cliJourney(
  app: string,
  databaseUrl: string | undefined,
  log: (line: string) => void,
): Promise<void> {
  const database = databaseUrl ? ['--database-url', databaseUrl] : [];
  const run = (args: string[], expected = 0) => justscale(app, [...args, ...database], expected, log);
  await run(['migrate']);
  const status = JSON.parse(await run(['migrate', 'status', '--json']));
  const rows: { applied: boolean }[] = Array.isArray(status) ? status : status.migrations;
  if (rows.length !== 3 || !rows.every((m) => m.applied)) {
    throw new Error(`migrate status --json: expected three applied, got ${JSON.stringify(status)}`);
  }
  await run(['migrate', 'make', 'add_phone_to_users', '--models', 'src/models-v2.ts']);
  const made = readdirSync(join(app, 'migrations')).find((f) => f.endsWith('_add_phone_to_users.ts'));
  if (!made) throw new Error('migrate make wrote no file');
  try {
    if (!/phone/.test(readFileSync(join(app, 'migrations', made), 'utf8'))) {
      throw new Error(`migrate make: ${made} does not add phone`);
    }
    if (!(await run(['migrate', 'pending'])).includes('add_phone_to_users')) {
      throw new Error('migrate pending does not list the new migration');
    }
    await run(['migrate', 'status', '--check'], 4);
    await run(['migrate']);
    await run(['migrate', 'status', '--check']);
    await run(['migrate', 'make', 'nothing_left', '--models', 'src/models-v2.ts', '--dry-run']);
    await run(['migrate', 'rollback']);
    await run(['migrate', 'status', '--check'], 4);
    await run(['migrate', 'fresh', '--force']);
    await run(['migrate', 'status', '--check']);
  } finally {
    rmSync(join(app, 'migrations', made));
    // and its ownership record (migrate make writes one beside each generated migration)
    rmSync(join(app, 'migrations', '.models', made.replace(/\.ts$/, '.json')), { force: true });
  }
}

/**
 * The errors of `tsc` output in the app's files or in @justscale's declarations. Other libraries'
 * declarations need settings of their own (PGlite's want the DOM and Emscripten types), which is
 * theirs to fix: users have `skipLibCheck` for that.
 *
 * @example
 * typeErrors('api.ts(3,1): error TS2304: ...\n  more\n'); // ['api.ts(3,1): error TS2304: ...\n  more']
 */
export function typeErrors(output: string): string[] {
  const errors: string[] = [];
  let keep = false;
  for (const line of output.split('\n')) {
    const header = /^(\S.*?)\(\d+,\d+\): error /.exec(line);
    if (header) {
      const file = header[1]!;
      keep = !file.includes('node_modules/') || file.includes('node_modules/@justscale/');
      if (keep) errors.push(line);
    } else if (keep && line.startsWith(' ')) {
      errors[errors.length - 1] += `\n${line}`;
    } else if (!header && /^error /.test(line)) {
      errors.push(line);
    }
  }
  return errors;
}

/**
 * Installs the scratch app (pnpm, from the store when it can), compiles it with `tsc`, and runs the
 * seed program and the CLI journey on PGlite, and on `databaseUrl` too when given (a database of its
 * own that the caller made).
 */
export async function runJourney(
  app: string,
  databaseUrl: string | undefined,
  log: (line: string) => void,
): Promise<void> {
  const installed = await sh(
    'pnpm',
    ['install', '--prefer-offline', '--config.confirmModulesPurge=false'],
    app,
  );
  log(installed.trim().split('\n').at(-1) ?? '');
  const tsc = await exec(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], app);
  const errors = typeErrors(tsc.stdout);
  if (errors.length > 0) throw new Error(`tsc in the scratch app:\n${errors.join('\n')}`);
  if (!existsSync(join(app, 'build', 'api.js'))) throw new Error('tsc emitted no build/api.js');
  log((await sh('node', ['build/api.js'], app)).trim());
  if (databaseUrl) log((await sh('node', ['build/api.js', databaseUrl], app)).trim());
  await cliJourney(app, undefined, log);
  if (databaseUrl) await cliJourney(app, databaseUrl, log);
}
