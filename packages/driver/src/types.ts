/** One row as an object keyed by column name. */
export type Row = Record<string, unknown>;

/** What a query returns: its rows and the number of rows it returned or affected. */
export interface QueryResult<R = Row> {
  readonly rows: R[];
  /** Rows returned by a SELECT, or affected by INSERT / UPDATE / DELETE. */
  readonly rowCount: number;
}

/** One statement of a script read with `forEachRowOfScript`. */
export interface ScriptStatement<R = Row> {
  /** One statement, without parameters. */
  readonly sql: string;
  /** Each row the statement returns, as soon as it is decoded. */
  readonly onRow?: (row: R) => void;
  /** Called once the statement has completed, before the next one's rows. */
  readonly onEnd?: () => void;
}

/**
 * Something that runs SQL: a driver, a pinned session, or a transaction.
 *
 * Result values are normalised by every adapter, whatever the client library does:
 * `int2`/`int4`/`float4`/`float8`/`oid` → number, `int8` and `numeric` → string (no precision lost),
 * `bool` → boolean, `json`/`jsonb` → parsed value, `date` → `'YYYY-MM-DD'` string, `timestamp` and
 * `timestamptz` → `Date` (a `timestamp` without zone is read as UTC; `infinity` stays text), `bytea` →
 * `Uint8Array`, arrays of these (and of text-like types such as `text[]`, `uuid[]`) → arrays,
 * everything else → text.
 *
 * Parameters are sent as text whose type the server infers from the statement: strings as they are,
 * numbers/bigints/booleans as their text, `Date` → ISO 8601, `Uint8Array` → bytea, arrays → PostgreSQL
 * arrays, other objects → JSON, `null`/`undefined` → NULL.
 */
export interface Queryable {
  /** Runs one statement with `$1`, `$2`, ... bound to `params`. */
  query<R = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /**
   * Optional: runs one statement like `query`, handing each row to `onRow` as soon as it is decoded
   * instead of collecting them, so a large result is never held whole (introspection of a large
   * catalog). Resolves with the number of rows once the statement completes; an error thrown by
   * `onRow` rejects it after the statement ends. Adapters that cannot stream leave it out: call it
   * through `forEachRow(queryable, ...)`, which falls back to `query`.
   */
  forEachRow?<R = Row>(sql: string, params: readonly unknown[], onRow: (row: R) => void): Promise<number>;
  /**
   * Optional: runs `statements` one after the other in one round trip (one message of the simple
   * query protocol: the server starts each as the previous one ends, without waiting for this
   * process), handing each one's rows to its `onRow` as they are decoded and calling its `onEnd` once
   * it has completed. The first failing statement stops the script and rejects with its error; an
   * error thrown by a callback rejects once the script ended. Call it inside a transaction, through
   * `forEachRowOfScript(queryable, statements)`, which runs the statements one at a time where the
   * adapter cannot send them together.
   */
  forEachRowOfScript?(statements: readonly ScriptStatement[]): Promise<void>;
  /** Runs a script of one or more statements with no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in a transaction: commits when it returns, rolls back when it throws (and rethrows).
   * Called inside a transaction, it uses a savepoint instead.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** A connection pinned for the whole callback: session state (`SET`, advisory locks) stays on it. */
export interface Session extends Queryable {
  /**
   * The server process serving this session (`pg_backend_pid()`), when the adapter knows it without
   * asking: PostgreSQL sends it when the connection opens (pg keeps it as `processID`). Absent
   * otherwise; then ask the server.
   */
  readonly pid?: number | undefined;
}

/** The server's version, e.g. `{ num: 150019, text: 'PostgreSQL 15.19 ...', major: 15 }`. */
export interface ServerVersion {
  /** `server_version_num`. */
  readonly num: number;
  readonly major: number;
  /** `version()`. */
  readonly text: string;
}

/** How JustScale Postgres talks to PostgreSQL. Adapters wrap `pg`, postgres.js and PGlite. */
export interface Driver extends Queryable {
  /** Which adapter this is, for messages: `'pg'`, `'postgres'`, `'pglite'`, ... */
  readonly name: string;
  /** Pins one connection for `fn`; it is released (and its session state with it) when `fn` settles. */
  session<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  /**
   * How many sessions (and transactions) the driver can hold at once, when it knows: its pool's
   * size, 1 over a single connection. Something that holds one while it waits for another (a read
   * sharing a snapshot over several) must not wait for more than this: it would wait for itself.
   */
  readonly maxSessions?: number | undefined;
  serverVersion(): Promise<ServerVersion>;
  /** Releases everything the driver opened, so that the process can exit by itself. */
  close(): Promise<void>;
}
