import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { cancellable, type Driver } from '@justscale/driver';
import { OPTION_TOKEN } from '@justscale/errors';
import { type DatabaseSource, displayPath } from './config/resolve.js';
import { CliError, usageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { describeHolder, FolderLockedError, type LockHolder, lockFolder } from './folder-lock.js';
import { extensionsCreatedIn } from './pglite-extensions.js';
import { redactUrl } from './redact.js';

/** An open database: its driver, how to describe it, and how to let it go. */
export interface OpenDatabase {
  readonly driver: Driver;
  /** `postgres://app:***@host/db` or `PGlite in .justscale/pglite`: safe to print. */
  readonly label: string;
  /** Asks the server to cancel what the command's sessions are running (Ctrl-C). */
  cancel(): Promise<void>;
  close(): Promise<void>;
  /**
   * True for the CLI's own pool of a connection URL: a read may take a second connection. A client
   * handed over (a pg Client, a Pool of one) or PGlite could wait for itself: never there.
   */
  readonly pooled?: boolean;
}

/** How opening a database behaves toward other processes and the user. */
export interface OpenOptions {
  /** For a PGlite folder another process holds: wait (default) or fail at once (exit 5). */
  readonly wait?: boolean | undefined;
  /** Stops waiting for a PGlite folder's lock. */
  readonly signal?: AbortSignal | undefined;
  /** The migrations folder: the extensions its files create are loaded into an embedded PGlite. */
  readonly migrations?: string | undefined;
  /** Told once when the PGlite folder's lock is held by another process and we wait. */
  readonly onWait?: ((lockFile: string, holder: LockHolder | null) => void) | undefined;
}

/** Ends a client handed over in the config: `end()` for pg and postgres.js, `close()` for PGlite. */
export async function endClient(client: object): Promise<void> {
  const c = client as { end?: (options?: object) => unknown; close?: () => unknown };
  if (typeof c.end === 'function') await c.end();
  else if (typeof c.close === 'function') await c.close();
}

/** The lock file of a PGlite data folder: beside it, so PGlite's own files are left alone. */
export function lockFileOf(dataDir: string): string {
  return `${dataDir}.lock`;
}

async function openPglite(
  source: { dataDir: string },
  cwd: string,
  options: OpenOptions,
): Promise<OpenDatabase> {
  // PGlite's and the runner's modules load while the folder is locked (nothing waits for them until it starts).
  const modules = Promise.all([
    import('@justscale/driver-pglite'),
    import('@justscale/migrate/runner'),
    import('@electric-sql/pglite'),
  ]);
  modules.catch(() => undefined);
  await mkdir(dirname(source.dataDir), { recursive: true });
  const path = lockFileOf(source.dataDir);
  const shown = displayPath(cwd, path);
  let lock: Awaited<ReturnType<typeof lockFolder>>;
  try {
    lock = await lockFolder(path, {
      wait: options.wait !== false,
      signal: options.signal,
      onWait: (holder) => options.onWait?.(shown, holder),
    });
  } catch (error) {
    if (!(error instanceof FolderLockedError)) throw error;
    throw new CliError(
      'MIGRATION_LOCKED',
      `The embedded database ${displayPath(cwd, source.dataDir)} is in use by ${describeHolder(error.holder)} ` +
        `(lock file ${shown}).`,
      {
        exitCode: ExitCode.Locked,
        cause: error,
        ref: { file: path },
        hint: `Run again when it has finished, or wait for it (${OPTION_TOKEN}).`,
        option: { name: 'lock', value: 'wait' },
      },
    );
  }
  try {
    await mkdir(source.dataDir, { recursive: true });
    const [, { projectCacheDir }] = await modules;
    const { driver } = cancellable(
      await openPgliteWithExtensions(source.dataDir, options.migrations, projectCacheDir(cwd)),
    );
    return {
      driver,
      label: `PGlite in ${displayPath(cwd, source.dataDir)}`,
      cancel: async () => {},
      close: async () => {
        try {
          await driver.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * PGlite on `dataDir` with the contrib extensions it needs loaded: those the migrations create (so
 * `CREATE EXTENSION citext` in a pending migration works) and those already in the database (asked
 * once it is open: one more start only when something outside the migrations created one).
 */
async function openPgliteWithExtensions(
  dataDir: string,
  migrations: string | undefined,
  clusterCache: string,
): Promise<Driver> {
  const [{ contribExtensions, createPgliteDriver, PGLITE_CONTRIB }, created] = await Promise.all([
    import('@justscale/driver-pglite'),
    migrations === undefined ? [] : extensionsCreatedIn(migrations),
  ]);
  const wanted = created.filter((name) => PGLITE_CONTRIB.includes(name));
  const driver = await createPgliteDriver({
    dataDir,
    clusterCache,
    extensions: await contribExtensions(wanted),
  });
  let installed: string[];
  try {
    const { rows } = await driver.query<{ extname: string }>('SELECT extname FROM pg_catalog.pg_extension');
    installed = rows.map((row) => row.extname).filter((name) => PGLITE_CONTRIB.includes(name));
  } catch (error) {
    await driver.close();
    throw error;
  }
  const missing = installed.filter((name) => !wanted.includes(name));
  if (missing.length === 0) return driver;
  await driver.close();
  return createPgliteDriver({
    dataDir,
    clusterCache,
    extensions: await contribExtensions([...wanted, ...missing]),
  });
}

function isDriver(value: object): value is Driver {
  const candidate = value as Partial<Driver>;
  return (
    typeof candidate.query === 'function' &&
    typeof candidate.session === 'function' &&
    typeof candidate.serverVersion === 'function' &&
    typeof candidate.close === 'function'
  );
}

/**
 * Opens the database a command runs against. Adapters are imported only when needed, so
 * `--help` never loads pg or PGlite. A connection URL is connected at once, so that a bad host or
 * password fails here with a clear message rather than halfway through a command; the connection
 * stays in the pool for the command's first statement (no probe query: a session that runs
 * nothing is handed back as it is).
 */
export async function openDatabase(
  source: DatabaseSource,
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = {},
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  if (source.kind === 'client') {
    const client = source.client;
    const given = isDriver(client) ? client : (await import('@justscale/migrate')).toDriver(client);
    const { driver, cancel } = cancellable(given);
    const label = isDriver(client)
      ? `the configured ${given.name} driver`
      : `the configured ${given.name} client`;
    // A client from the config file was made for this command, and nothing else would end it: the
    // process would wait on its idle connections (a pg Pool for its idle timeout, a Driver forever).
    // One handed over by a program embedding the commands is that program's to end.
    const close = source.owned
      ? () => (isDriver(client) ? client.close() : endClient(client))
      : async () => {};
    return { driver, label, cancel, close };
  }
  if (source.kind === 'pglite') return openPglite(source, cwd, options);
  const label = redactUrl(source.url);
  const { createPgDriver } = await import('@justscale/driver-pg');
  const timeout = connectTimeoutSeconds(source.url, env);
  const pg = createPgDriver(
    { connectionString: source.url, connectionTimeoutMillis: timeout * 1000 },
    loadPg === undefined ? {} : { loadPg },
  );
  const { driver, cancel } = cancellable(pg);
  try {
    await pg.session(async () => undefined);
  } catch (error) {
    await driver.close().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    const reason = /timeout/i.test(message)
      ? `no answer within ${timeout} s (set connect_timeout=N in the URL or PGCONNECT_TIMEOUT; 0 waits forever)`
      : message;
    throw new CliError('CONNECTION_FAILED', `Cannot connect to ${label}: ${reason}`, { cause: error });
  }
  return { driver, label, cancel, close: () => driver.close(), pooled: true };
}

// In the bundled binary (scripts/bundle.mjs): pg and its dependencies bundled in one file, beside
// the chunks (`../pg.cjs` from a chunk); undefined in the modules tsc emits, which load pg itself.
declare const JUSTSCALE_BUNDLED_PG: string | undefined;

/**
 * How the binary loads pg: its one-file copy (about forty modules fewer to resolve, read and compile
 * on the way to the first connection), or, outside the bundle, pg from node_modules.
 */
const loadPg: (() => unknown) | undefined =
  typeof JUSTSCALE_BUNDLED_PG === 'string'
    ? () => createRequire(import.meta.url)(JUSTSCALE_BUNDLED_PG as string)
    : undefined;

/** The default wait for a server to answer, in seconds: a deploy must not hang on a black-holed host. */
export const DEFAULT_CONNECT_TIMEOUT = 10;

/**
 * Seconds to wait for a connection, as libpq reads it: the URL's `connect_timeout`, else
 * `PGCONNECT_TIMEOUT`, else {@link DEFAULT_CONNECT_TIMEOUT}. `0` waits forever.
 */
export function connectTimeoutSeconds(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
): number {
  let fromUrl: string | null = null;
  try {
    fromUrl = new URL(url).searchParams.get('connect_timeout');
  } catch {
    // An unparsable URL fails when connecting, with its own message.
  }
  for (const value of [fromUrl, env.PGCONNECT_TIMEOUT]) {
    if (value === null || value === undefined || value.trim() === '') continue;
    const seconds = Number(value);
    if (Number.isInteger(seconds) && seconds >= 0) return seconds;
    throw usageError(
      `connect_timeout must be a whole number of seconds (0 waits forever), got ${JSON.stringify(value)}`,
      'CONFIG_INVALID',
    );
  }
  return DEFAULT_CONNECT_TIMEOUT;
}
