import {
  type Connection,
  type Driver,
  encodeParam,
  parserFor,
  pooledDriver,
  SESSION_RESET_SQL,
  toDatabaseError,
} from '@justscale/driver';

/** One row of a raw postgres.js result: each value's bytes as PostgreSQL sent them (text format). */
type RawRow = (Uint8Array | null)[];

/** What a raw postgres.js query resolves to. */
export interface PostgresRawResult extends Array<RawRow> {
  readonly count: number | null;
  readonly command: string;
  readonly columns?: readonly { readonly name: string; readonly type: number }[];
}

/** A pending postgres.js query. */
export interface PostgresPendingQuery extends PromiseLike<unknown> {
  raw(): PromiseLike<PostgresRawResult | PostgresRawResult[]>;
}

/** What this adapter calls on a postgres.js `sql` (declared here so it depends on no class). */
export interface PostgresSqlLike {
  unsafe(
    sql: string,
    params?: unknown[],
    options?: { prepare?: boolean; simple?: boolean },
  ): PostgresPendingQuery;
  typed(value: unknown, type: number): unknown;
  reserve(): Promise<PostgresReservedSqlLike>;
  end(options?: { timeout?: number }): Promise<void>;
  readonly options?: { readonly pass?: unknown; readonly max?: unknown };
}

/** A reserved postgres.js connection. */
export interface PostgresReservedSqlLike extends Omit<PostgresSqlLike, 'reserve' | 'end'> {
  release(): void;
}

/** Options of `postgresDriver`. */
export interface PostgresDriverOptions {
  /** `close()` ends the `sql` instance too. Default `false`: the caller's client is the caller's to end. */
  readonly owned?: boolean;
}

// OID 705 is `unknown`: PostgreSQL infers such a parameter's type from the statement, as it does for
// an undeclared one, but postgres.js then keeps 705 and sends our text as it is, instead of applying
// its own serializer for the inferred type (which would, say, JSON-encode a JSON string again).
const UNKNOWN = 705;

// ignoreBOM: a value that starts with U+FEFF keeps it (the default decoder drops it silently).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function rowsOf(result: PostgresRawResult): Record<string, unknown>[] {
  const columns = result.columns ?? [];
  const parsers = columns.map((column) => parserFor(column.type));
  return result.map((raw) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = raw[i];
      row[column.name] = value === null || value === undefined ? null : parsers[i]!(decoder.decode(value));
    });
    return row;
  });
}

function connectionOf(sql: Omit<PostgresSqlLike, 'reserve' | 'end'>, secrets: () => string[]): Connection {
  return {
    async query(text, params = []) {
      const encoded = params.map((p) => {
        const value = encodeParam(p);
        return value === null ? null : sql.typed(value, UNKNOWN);
      });
      let result: PostgresRawResult | PostgresRawResult[];
      try {
        result = await sql.unsafe(text, encoded, { prepare: false, simple: false }).raw();
      } catch (error) {
        throw toDatabaseError(error, text, secrets());
      }
      const last = Array.isArray(result[0]) || result.length === 0 ? (result as PostgresRawResult) : result;
      const single = (
        Array.isArray(last) && 'command' in last ? last : (last as PostgresRawResult[]).at(-1)
      )!;
      const rows = rowsOf(single) as never[];
      return { rows, rowCount: single.columns?.length ? rows.length : (single.count ?? 0) };
    },
    async run(text) {
      let result: PostgresRawResult | PostgresRawResult[];
      try {
        result = await sql.unsafe(text, [], { prepare: false, simple: true }).raw();
      } catch (error) {
        throw toDatabaseError(error, text, secrets());
      }
      const last = 'command' in result ? result : result.at(-1);
      return last?.command;
    },
  };
}

/**
 * A `Driver` over a postgres.js `sql` instance. Statements go through postgres.js's unprepared path
 * (`sql.unsafe`), scripts through the simple query protocol; `session()` and `transaction()` run on
 * a connection from `sql.reserve()`. `close()` ends `sql` only with `{ owned: true }`.
 *
 * @example
 * import postgres from 'postgres';
 * import { postgresDriver } from '@justscale/driver-postgres';
 * const driver = postgresDriver(postgres(process.env.DATABASE_URL!), { owned: true });
 * await driver.query('SELECT 1');
 * await driver.close();
 */
export function postgresDriver(sql: PostgresSqlLike, options: PostgresDriverOptions = {}): Driver {
  const secrets = () => {
    const pass = sql.options?.pass;
    return typeof pass === 'string' ? [pass] : [];
  };
  const max = sql.options?.max;
  return pooledDriver({
    name: 'postgres',
    maxSessions: typeof max === 'number' ? max : undefined,
    pool: connectionOf(sql, secrets),
    acquire: async () => {
      let reserved: PostgresReservedSqlLike;
      try {
        reserved = await sql.reserve();
      } catch (error) {
        throw toDatabaseError(error, undefined, secrets());
      }
      return {
        connection: connectionOf(reserved, secrets),
        release: async (destroy) => {
          if (destroy) {
            // postgres.js cannot drop a single connection: end the transaction the session left, and reset.
            const run = (text: string) => reserved.unsafe(text, [], { simple: true }).raw();
            await Promise.resolve(run('ROLLBACK'))
              .then(() => run(SESSION_RESET_SQL))
              .then(undefined, () => undefined);
          }
          reserved.release();
        },
      };
    },
    close: async () => {
      if (options.owned) {
        await sql.end({ timeout: 5 });
      }
    },
  });
}
