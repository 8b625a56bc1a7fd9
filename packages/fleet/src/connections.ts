import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Driver } from '@justscale/driver';
import { type CancellableDriver, cancellable, redact } from '@justscale/driver';
import { FleetError } from './errors.js';

/** A database the fleet opened: its driver, and how to let it go. */
export interface FleetDatabase {
  readonly driver: Driver;
  close(): Promise<void>;
}

/**
 * Opens a database of the fleet (`postgres://...` or `pglite:<dir>`) with `max` connections at most.
 * A program holding its own drivers returns them with a `close` that leaves them open.
 */
export type FleetConnect = (database: string, max: number) => Promise<FleetDatabase>;

/** Options of the default connector. */
export interface ConnectOptions {
  /** Seconds to wait for a server to answer (the URL's `connect_timeout` wins). Default 10; 0 waits forever. */
  readonly connectTimeout?: number;
  /** Where a relative `pglite:<dir>` is resolved. Default `process.cwd()`. */
  readonly cwd?: string;
}

/**
 * The default connector: a `pg` pool of at most `max` connections for a server URL (tried at once,
 * so an unreachable database fails here with its reason), PGlite in the directory for `pglite:<dir>`.
 *
 * @example
 * const driver = await defaultConnect()('postgres://postgres@127.0.0.1/app', 4);
 */
export function defaultConnect(options: ConnectOptions = {}): FleetConnect {
  return async (database, max) => {
    if (database.startsWith('pglite:')) {
      const dir = resolve(
        options.cwd ?? process.cwd(),
        database.slice('pglite:'.length) || '.justscale/pglite',
      );
      await mkdir(dir, { recursive: true });
      const { createPgliteDriver } = await import('@justscale/driver-pglite');
      const driver = await createPgliteDriver({ dataDir: dir });
      return { driver, close: () => driver.close() };
    }
    const seconds = timeoutOf(database) ?? options.connectTimeout ?? 10;
    const { createPgDriver } = await import('@justscale/driver-pg');
    const driver = createPgDriver({
      connectionString: database,
      max,
      connectionTimeoutMillis: seconds * 1000,
    });
    try {
      await driver.query('SELECT 1');
    } catch (error) {
      await driver.close().catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      const reason = /timeout/i.test(message) ? `no answer within ${seconds} s` : message;
      throw new FleetError('CONNECTION_FAILED', `Cannot connect to ${redact(database)}: ${reason}`, {
        cause: error,
      });
    }
    return { driver, close: () => driver.close() };
  };
}

function timeoutOf(url: string): number | undefined {
  try {
    const value = new URL(url).searchParams.get('connect_timeout');
    const seconds = value === null ? Number.NaN : Number(value);
    return Number.isInteger(seconds) && seconds >= 0 ? seconds : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One driver per database, shared by that database's targets (each runner takes a session of its
 * own from it), opened on first use and closed as soon as the database's last target is done, so
 * a fleet of many databases never holds more than about `concurrency` connections.
 */
export class Connections {
  readonly #connect: FleetConnect;
  readonly #max: number;
  readonly #open = new Map<string, Promise<FleetDatabase & { cancellable: CancellableDriver }>>();
  readonly #users: Map<string, number>;

  /** `users`: how many targets will use each database; its pool closes when they are all done. */
  constructor(connect: FleetConnect, max: number, users: ReadonlyMap<string, number>) {
    this.#connect = connect;
    this.#max = max;
    this.#users = new Map(users);
  }

  /** The database's driver (opened on first use; a failure to connect fails every target of it). */
  async acquire(database: string): Promise<Driver> {
    let entry = this.#open.get(database);
    if (entry === undefined) {
      // One connection more than the runners can hold at once: `cancelAll` sends its cancel on it
      // (a pool opens connections as they are needed, so it costs nothing until then).
      const max = Math.max(1, Math.min(this.#max, this.#users.get(database) ?? 1)) + 1;
      // Each session's backend is recorded, so that `cancelAll` can cancel what it runs.
      entry = this.#connect(database, max).then((d) => ({ ...d, cancellable: cancellable(d.driver) }));
      this.#open.set(database, entry);
    }
    return (await entry).cancellable.driver;
  }

  /**
   * Asks every open database to cancel what the fleet's sessions run (`pg_cancel_backend`): the
   * running migrations fail and roll back. PGlite runs in this process and stops before its next
   * statement instead (the runners' signal).
   */
  async cancelAll(): Promise<void> {
    const open = [...this.#open.values()];
    await Promise.all(open.map((e) => e.then((d) => d.cancellable.cancel()).catch(() => undefined)));
  }

  /** One target of `database` is done with it; the last one closes the pool. */
  async release(database: string): Promise<void> {
    const left = (this.#users.get(database) ?? 1) - 1;
    this.#users.set(database, left);
    const entry = this.#open.get(database);
    if (left > 0 || entry === undefined) return;
    this.#open.delete(database);
    await entry.then((d) => d.close()).catch(() => undefined);
  }

  /** Closes every pool still open (a run that stopped early). */
  async closeAll(): Promise<void> {
    const open = [...this.#open.values()];
    this.#open.clear();
    await Promise.all(open.map((e) => e.then((d) => d.close()).catch(() => undefined)));
  }
}
