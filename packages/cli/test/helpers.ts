import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createPgliteDataDir } from '@justscale/testing';
import { run } from '../src/index.js';

/** A writable that keeps what is written. */
export class Buffer {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the program with buffers. `env` replaces the environment (no DATABASE_URL unless given). */
export async function cli(
  argv: string[],
  options: {
    cwd: string;
    env?: Record<string, string | undefined>;
    tty?: boolean;
    /** Somebody at a terminal, answering the command's questions. */
    ask?: (question: string) => Promise<string>;
  } = { cwd: process.cwd() },
): Promise<Result> {
  const stdout = new Buffer(options.tty === true);
  const stderr = new Buffer(options.tty === true);
  const code = await run(argv, {
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd,
    ...(options.ask === undefined ? {} : { ask: options.ask }),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A temporary project folder with files; removed by `cleanup`. */
export async function project(
  files: Record<string, string> = {},
): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'justscale-cli-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export const here = dirname(fileURLToPath(import.meta.url));
export const packageRoot = resolve(here, '..');

/**
 * How to start the real binary: the built `dist/bin.js` when it exists (CI builds first), else the
 * source through jiti with the workspace's source condition.
 */
export function binCommand(): string[] {
  const built = join(packageRoot, 'dist/bin.js');
  if (existsSync(built) && process.env.JUSTSCALE_CLI_FROM_SOURCE !== '1') return [built];
  // jiti exports './register' for `import` only: find it beside the package's CommonJS entry.
  const register = join(
    dirname(createRequire(join(packageRoot, 'package.json')).resolve('jiti')),
    'jiti-register.mjs',
  );
  return [
    '--conditions=@justscale/source',
    '--import',
    pathToFileURL(register).href,
    join(packageRoot, 'src/bin.ts'),
  ];
}

/** Spawns the binary and collects its output. */
export function spawnCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Result> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...binCommand(), ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * A database for one test, as the CLI sees it: a URL. On the server (DATABASE_URL, project
 * `server`) a fresh database is created and dropped; otherwise (`pglite` project, or no server)
 * embedded PGlite in a temporary directory.
 */
export async function testDatabaseUrl(): Promise<{
  url: string;
  kind: 'server' | 'pglite';
  close(): Promise<void>;
}> {
  const server = process.env.DATABASE_URL;
  if (!server && process.env.JUSTSCALE_TEST_TARGET === 'server') {
    // The server project under CI: falling back to PGlite would pass without testing the server.
    throw new Error(
      'The server target needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
    );
  }
  if (process.env.JUSTSCALE_TEST_TARGET === 'pglite' || !server) {
    const dir = await mkdtemp(join(tmpdir(), 'justscale-cli-pglite-'));
    // A copy of a fresh cluster: the CLI opens it as it would a folder it created, without an initdb.
    await createPgliteDataDir(dir);
    return { url: `pglite:${dir}`, kind: 'pglite', close: () => rm(dir, { recursive: true, force: true }) };
  }
  const pg = (await import('pg')).default;
  const name = `justscale_cli_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'server',
    async close() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs SQL on a database named as the CLI names it (a postgres URL or `pglite:<dir>`). */
export async function execOn(url: string, sql: string): Promise<void> {
  if (url.startsWith('pglite:')) {
    const { createPgliteDriver } = await import('@justscale/driver-pglite');
    const driver = await createPgliteDriver({ dataDir: url.slice('pglite:'.length) });
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
