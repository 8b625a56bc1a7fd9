/** The part of a `pg` query result this adapter reads. */
export interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
  command: string;
}

/** A query config as `pg` takes it. */
export interface PgQueryConfig {
  text: string;
  values?: unknown[];
  /** `'array'`: each row as an array of its values, in column order. */
  rowMode?: 'array';
  types?: { getTypeParser(oid: number, format?: string): (value: string) => unknown };
}

/** What this adapter calls on a `pg` Client (declared here so the adapter depends on no class). */
export interface PgClientLike {
  query(config: PgQueryConfig | string): Promise<PgResult | PgResult[]>;
  end(): Promise<void>;
  on?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
}

/** A client checked out of a Pool. */
export interface PgPoolClientLike extends PgClientLike {
  release(destroy?: boolean | Error): void;
  /** The server process id, which PostgreSQL sends when the connection opens (pg 8 keeps it here). */
  readonly processID?: number | null;
}

/** What this adapter calls on a `pg` Pool. */
export interface PgPoolLike extends PgClientLike {
  connect(): Promise<PgPoolClientLike>;
  readonly totalCount: number;
  readonly idleCount: number;
  /** The Pool's options, `max` filled in with pg's default. */
  readonly options?: { readonly max?: unknown };
}

/** A `pg` Pool (it has `totalCount`/`idleCount`), as opposed to a single Client. */
export function isPgPool(x: PgClientLike | PgPoolLike): x is PgPoolLike {
  return typeof (x as PgPoolLike).totalCount === 'number' && typeof (x as PgPoolLike).connect === 'function';
}
