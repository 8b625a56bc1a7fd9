import {
  type Connection,
  type Driver,
  encodeParam,
  parserFor,
  pooledDriver,
  SCRIPT_SEPARATOR,
  singleConnectionDriver,
  statementAt,
  toDatabaseError,
} from '@justscale/driver';
import { requirePg } from './load-pg.js';
import { isPgPool, type PgClientLike, type PgPoolLike, type PgQueryConfig, type PgResult } from './types.js';

/** Options of `pgDriver`. */
export interface PgDriverOptions {
  /** `close()` ends the client or pool too. Default `false`: the caller's client is the caller's to end. */
  readonly owned?: boolean;
  /** Strings to remove from error messages (a password the caller knows). */
  readonly secrets?: readonly (string | undefined)[];
}

// Every value arrives as text and goes through JustScale's parsers, whatever the user configured on pg.
const types = { getTypeParser: (oid: number) => parserFor(oid) };

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `fn` after the client's previous query settled. pg 8 deprecates queueing a query on a busy
 * client (pg 9 will refuse), so concurrent queries of one session wait here. A Pool queues by itself.
 */
function serially<T>(client: PgClientLike, fn: () => Promise<T>): Promise<T> {
  if (isPgPool(client)) {
    return fn();
  }
  const previous = queues.get(client) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  queues.set(
    client,
    next.then(
      () => undefined,
      () => undefined,
    ),
  );
  return next;
}

/** What `pg.Query` is to this adapter: an event emitter submitted with `client.query(q)`. */
interface PgStreamingQuery {
  on(
    event: 'row',
    listener: (row: unknown[], result: { fields?: readonly { name: string }[] } | undefined) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}
type PgQueryClass = new (config: PgQueryConfig) => PgStreamingQuery;

let queryClass: PgQueryClass | null | undefined;

/**
 * `pg.Query` of the copy of pg that made `client` (pg's `Client.Query`), else of the pg loaded from
 * here, once; null when there is none (then rows are not streamed).
 */
function pgQueryClass(client: PgClientLike): PgQueryClass | null {
  const own = (client.constructor as { Query?: unknown } | undefined)?.Query;
  if (typeof own === 'function') return own as PgQueryClass;
  if (queryClass === undefined) {
    try {
      const loaded = requirePg() as { Query?: PgQueryClass; default?: { Query?: PgQueryClass } };
      queryClass = loaded.Query ?? loaded.default?.Query ?? null;
    } catch {
      queryClass = null;
    }
  }
  return queryClass;
}

/** pg's `query_timeout` of `client`, if one is configured. */
function queryTimeout(client: PgClientLike): number | undefined {
  return (client as { connectionParameters?: { query_timeout?: number } }).connectionParameters
    ?.query_timeout;
}

/**
 * `forEachRow` on one client: a `pg.Query` with a `row` listener and no callback, which pg does not
 * accumulate, so each row can be mapped and dropped while the next ones are decoded.
 */
function streamRows(
  client: PgClientLike,
  Query: PgQueryClass,
  secrets: readonly (string | undefined)[],
  connection: Connection,
): NonNullable<Connection['forEachRow']> {
  // pg's `query_timeout` gives a submitted query a callback of its own (and then swallows the
  // error on expiry): with one configured, rows are read the ordinary way.
  if (queryTimeout(client)) {
    return async (sql, params, onRow) => {
      const { rows } = await connection.query(sql, params);
      for (const row of rows) onRow(row as never);
      return rows.length;
    };
  }
  return (sql, params, onRow) =>
    serially(
      client,
      () =>
        new Promise<number>((resolve, reject) => {
          const query = new Query({ text: sql, values: params.map(encodeParam), types, rowMode: 'array' });
          let count = 0;
          let failed: { error: unknown } | null = null;
          let build: RowBuilder | undefined;
          query.on('row', (values, result) => {
            if (failed !== null) return;
            count++;
            try {
              build ??= rowBuilder(fieldNames(result));
              onRow(build(values) as never);
            } catch (error) {
              failed = { error };
            }
          });
          query.on('error', (error) => reject(toDatabaseError(error, sql, secrets)));
          query.on('end', () => (failed === null ? resolve(count) : reject(failed.error)));
          (client as unknown as { query(q: PgStreamingQuery): unknown }).query(query);
        }),
    );
}

/** A `pg.Query` whose statement ends are seen: pg calls these for each statement of a script. */
interface PgScriptQuery extends PgStreamingQuery {
  handleCommandComplete(...args: unknown[]): unknown;
  handleEmptyQuery(...args: unknown[]): unknown;
}

/**
 * `forEachRowOfScript` on one client: the statements joined into one simple query, a `pg.Query` with
 * a `row` listener, and each statement's end seen where pg handles its `CommandComplete` (a
 * statement that returns no rows has no `row` event to tell it from the next). Rows belong to the
 * statement whose end has not come yet. The error of a failing statement names that statement, its
 * position counted from the statement's start.
 */
function streamScript(
  client: PgClientLike,
  Query: PgQueryClass,
  secrets: readonly (string | undefined)[],
): NonNullable<Connection['forEachRowOfScript']> {
  return (statements) =>
    serially(
      client,
      () =>
        new Promise<void>((resolve, reject) => {
          const sqls = statements.map((s) => s.sql);
          const text = sqls.join(SCRIPT_SEPARATOR);
          const query = new Query({ text, types, rowMode: 'array' }) as PgScriptQuery;
          let current = 0;
          let failed: { error: unknown } | null = null;
          let fieldsOf: unknown;
          let build: RowBuilder | undefined;
          const ended = () => {
            const statement = statements[current++];
            if (failed !== null || statement === undefined) return;
            try {
              statement.onEnd?.();
            } catch (error) {
              failed = { error };
            }
          };
          for (const method of ['handleCommandComplete', 'handleEmptyQuery'] as const) {
            const handle = query[method];
            query[method] = function (this: PgScriptQuery, ...args: unknown[]) {
              const result = handle.apply(this, args);
              ended();
              return result;
            };
          }
          query.on('row', (values, result) => {
            if (failed !== null) return;
            try {
              const onRow = statements[current]?.onRow;
              if (onRow === undefined) return;
              if (result !== fieldsOf) {
                fieldsOf = result;
                build = rowBuilder(fieldNames(result));
              }
              onRow(build!(values) as never);
            } catch (error) {
              failed = { error };
            }
          });
          query.on('error', (error) => {
            // A statement's position is counted in the whole script: it tells which statement failed
            // (a syntax error fails the script before any statement ran), else the one that was running.
            const fields = error as { position?: unknown };
            const position = Number(fields.position);
            let failing = current;
            if (position > 0) {
              const at = statementAt(sqls, position);
              failing = at.index;
              fields.position = String(at.position);
            }
            const statement = statements[failing];
            reject(toDatabaseError(error, statement === undefined ? text : statement.sql, secrets));
          });
          query.on('end', () => {
            if (failed !== null) return reject(failed.error);
            if (current !== statements.length) {
              return reject(
                new Error(
                  `driver-pg: a script of ${statements.length} statements gave ${current} results: each statement must be exactly one`,
                ),
              );
            }
            resolve();
          });
          (client as unknown as { query(q: PgStreamingQuery): unknown }).query(query);
        }),
    );
}

/** Whether `Query` lets a script's statement ends be seen (pg 8: `handleCommandComplete`). */
function seesStatementEnds(Query: PgQueryClass): boolean {
  const proto = Query.prototype as Partial<PgScriptQuery> | undefined;
  return typeof proto?.handleCommandComplete === 'function' && typeof proto.handleEmptyQuery === 'function';
}

type RowBuilder = (values: readonly unknown[]) => Record<string, unknown>;

/** The column names pg passes with each row (`Query` emits `row` with its `Result`, since pg 7). */
function fieldNames(result: { fields?: readonly { name: string }[] } | undefined): string[] {
  const fields = result?.fields;
  if (fields === undefined) throw new Error('driver-pg: this pg does not pass its result with each row');
  return fields.map((f) => f.name);
}

/**
 * The row object of a streamed query's values, as pg would make it (each column by its name, in
 * column order; a repeated name keeps the last value), built by one object literal compiled per query.
 * pg's own objects are copied from a template and filled one computed key at a time: for the
 * catalog's tens of thousands of rows that was the largest part of decoding them.
 */
function rowBuilder(names: readonly string[]): RowBuilder {
  // A computed key: `"__proto__": x` in a literal would set the prototype, not a column.
  const body = names
    .map((name, i) => `${name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name)}: v[${i}]`)
    .join(', ');
  return new Function('v', `return { ${body} };`) as RowBuilder;
}

function connectionOf(client: PgClientLike, secrets: readonly (string | undefined)[]): Connection {
  // A Pool hands each query to any client: only a client (pinned, or the only one) streams.
  const Query = isPgPool(client) ? null : pgQueryClass(client);
  const connection: Connection = {
    async query(sql, params = []) {
      let result: PgResult | PgResult[];
      try {
        const values = params.map(encodeParam);
        result = await serially(client, () => client.query({ text: sql, values, types }));
      } catch (error) {
        throw toDatabaseError(error, sql, secrets);
      }
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      const rows = (last?.rows ?? []) as never[];
      return { rows, rowCount: last?.rowCount ?? rows.length };
    },
    async run(sql) {
      let result: PgResult | PgResult[];
      try {
        result = await serially(client, () => client.query(sql));
      } catch (error) {
        throw toDatabaseError(error, sql, secrets);
      }
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return last?.command;
    },
  };
  if (Query === null) return connection;
  const streaming: Connection = { ...connection, forEachRow: streamRows(client, Query, secrets, connection) };
  // With pg's `query_timeout` rows are read the ordinary way (see `streamRows`): statements go one by one.
  if (queryTimeout(client) || !seesStatementEnds(Query)) return streaming;
  return { ...streaming, forEachRowOfScript: streamScript(client, Query, secrets) };
}

/**
 * A `Driver` over a `pg` Pool or Client.
 *
 * With a Pool, `query` uses any pooled connection and `session` / `transaction` each check one out
 * for their whole callback. With a Client, the driver has one connection: sessions and transactions
 * take turns on it. `close()` ends the pool or client only with `{ owned: true }`.
 *
 * @example
 * import pg from 'pg';
 * import { pgDriver } from '@justscale/driver-pg';
 * const driver = pgDriver(new pg.Pool({ connectionString: process.env.DATABASE_URL }), { owned: true });
 * const { rows } = await driver.query('SELECT $1::int AS n', [1]);
 * await driver.close();
 */
export function pgDriver(client: PgClientLike | PgPoolLike, options: PgDriverOptions = {}): Driver {
  const secrets = options.secrets ?? [];
  const close = async () => {
    if (options.owned) {
      await client.end();
    }
  };
  if (isPgPool(client)) {
    const pool = client;
    const max = pool.options?.max;
    return pooledDriver({
      name: 'pg',
      // pg's own default is 10 (`pool.options.max`).
      maxSessions: typeof max === 'number' ? max : undefined,
      pool: connectionOf(pool, secrets),
      close,
      acquire: async () => {
        let pinned: Awaited<ReturnType<PgPoolLike['connect']>>;
        try {
          pinned = await pool.connect();
        } catch (error) {
          throw toDatabaseError(error, undefined, secrets);
        }
        // A checked-out client whose server connection ends (pg_terminate_backend, a restart) emits
        // 'error' besides rejecting its query; unheard, that event would crash the process.
        const ignore = (): undefined => undefined;
        pinned.on?.('error', ignore);
        return {
          connection: connectionOf(pinned, secrets),
          ...(typeof pinned.processID === 'number' ? { pid: pinned.processID } : {}),
          release: (destroy) => {
            pinned.removeListener?.('error', ignore);
            pinned.release(destroy);
          },
        };
      },
    });
  }
  return singleConnectionDriver({ name: 'pg', client, connection: connectionOf(client, secrets), close });
}
