import { mkdir } from 'node:fs/promises';
import type { Driver } from '@justscale/driver';
import { type DatabaseSource, displayPath } from './config/resolve.js';
import { CliError, usageError } from './errors.js';
import { redactUrl } from './redact.js';

/** An open database: its driver, how to describe it, and how to let it go. */
export interface OpenDatabase {
  readonly driver: Driver;
  /** `postgres://app:***@host/db` or `PGlite in .justscale/pglite`: safe to print. */
  readonly label: string;
  close(): Promise<void>;
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
 * `--help` never loads pg or PGlite. A connection URL is tried at once, so that a bad host or
 * password fails here with a clear message rather than halfway through a command.
 */
export async function openDatabase(
  source: DatabaseSource,
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<OpenDatabase> {
  if (source.kind === 'client') {
    const client = source.client;
    if (isDriver(client))
      return { driver: client, label: `the configured ${client.name} driver`, close: async () => {} };
    const { toDriver } = await import('@justscale/migrate');
    const driver = toDriver(client);
    // The client belongs to the config file: it is not ours to end.
    return { driver, label: `the configured ${driver.name} client`, close: async () => {} };
  }
  if (source.kind === 'pglite') {
    await mkdir(source.dataDir, { recursive: true });
    const { createPgliteDriver } = await import('@justscale/driver-pglite');
    const driver = await createPgliteDriver({ dataDir: source.dataDir });
    return { driver, label: `PGlite in ${displayPath(cwd, source.dataDir)}`, close: () => driver.close() };
  }
  const label = redactUrl(source.url);
  const { createPgDriver } = await import('@justscale/driver-pg');
  const timeout = connectTimeoutSeconds(source.url, env);
  const driver = createPgDriver({ connectionString: source.url, connectionTimeoutMillis: timeout * 1000 });
  try {
    await driver.query('SELECT 1');
  } catch (error) {
    await driver.close().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    const reason = /timeout/i.test(message)
      ? `no answer within ${timeout} s (set connect_timeout=N in the URL or PGCONNECT_TIMEOUT; 0 waits forever)`
      : message;
    throw new CliError('CONNECTION_FAILED', `Cannot connect to ${label}: ${reason}`, { cause: error });
  }
  return { driver, label, close: () => driver.close() };
}

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
