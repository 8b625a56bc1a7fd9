import {
  type Connection,
  type Driver,
  encodeParam,
  parserFor,
  singleConnectionDriver,
  toDatabaseError,
} from '@justscale/driver';

type Parser = (value: string, typeId?: number) => unknown;

/** The part of a PGlite result this adapter reads. */
export interface PgliteResult<T = Record<string, unknown>> {
  rows: T[];
  affectedRows?: number;
  rowCount?: number;
  command?: string;
  fields: { name: string; dataTypeID: number }[];
}

/** What this adapter calls on a PGlite instance (declared here so it depends on no class). */
export interface PgliteLike {
  query<T>(
    sql: string,
    params?: unknown[],
    options?: { parsers?: Record<number, Parser>; serializers?: Record<number, (x: unknown) => string> },
  ): Promise<PgliteResult<T>>;
  exec(sql: string): Promise<PgliteResult[]>;
  close(): Promise<void>;
  readonly closed?: boolean;
  readonly parsers?: Record<number, Parser>;
  readonly waitReady?: Promise<void>;
}

/** Options of `pgliteDriver`. */
export interface PgliteDriverOptions {
  /** `close()` closes the PGlite instance too. Default `false`: the caller's instance is the caller's. */
  readonly owned?: boolean;
}

// Parameters arrive already encoded as text by encodeParam: PGlite must send them as they are.
const passThrough = new Proxy({} as Record<number, (x: unknown) => string>, {
  get: () => (x: unknown) => x as string,
});

/**
 * PGlite applies its own parsers to every type it knows (its built-ins and the arrays it found);
 * a per-query `parsers` map replaces them. Ours cover every OID PGlite knows, so that a value it
 * would convert differently (int8 → number, date → Date) comes back as the other adapters return it.
 */
function parsersFor(pglite: PgliteLike): Record<number, Parser> {
  const parsers: Record<number, Parser> = {};
  for (const key of Object.keys(pglite.parsers ?? {})) {
    const oid = Number(key);
    const parse = parserFor(oid);
    parsers[oid] = (value) => parse(value);
  }
  for (const oid of [16, 17, 20, 21, 23, 25, 26, 114, 700, 701, 1082, 1114, 1184, 1700, 3802]) {
    const parse = parserFor(oid);
    parsers[oid] = (value) => parse(value);
  }
  return parsers;
}

function connectionOf(pglite: PgliteLike): Connection {
  let parsers: Record<number, Parser> | undefined;
  let known = -1;
  return {
    async query(sql, params = []) {
      // PGlite learns array types later (refreshArrayTypes): cover the ones it added since.
      const count = Object.keys(pglite.parsers ?? {}).length;
      if (!parsers || count !== known) {
        parsers = parsersFor(pglite);
        known = count;
      }
      try {
        const result = await pglite.query(sql, params.map(encodeParam), {
          parsers,
          serializers: passThrough,
        });
        const rows = result.rows as never[];
        return {
          rows,
          rowCount: result.fields.length > 0 ? rows.length : (result.rowCount ?? result.affectedRows ?? 0),
        };
      } catch (error) {
        throw toDatabaseError(error, sql);
      }
    },
    async run(sql) {
      try {
        const results = await pglite.exec(sql);
        return results[results.length - 1]?.command;
      } catch (error) {
        throw toDatabaseError(error, sql);
      }
    },
  };
}

/**
 * A `Driver` over a PGlite instance (in memory or on a data directory).
 *
 * PGlite has one connection, so sessions and transactions take turns on it: a second `session()`
 * waits until the first ends, even from another driver over the same instance. `close()` closes
 * the instance only with `{ owned: true }`.
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * import { pgliteDriver } from '@justscale/driver-pglite';
 * const driver = pgliteDriver(new PGlite(), { owned: true });
 * await driver.exec('CREATE TABLE t (id int)');
 * await driver.close();
 */
export function pgliteDriver(pglite: PgliteLike, options: PgliteDriverOptions = {}): Driver {
  return singleConnectionDriver({
    name: 'pglite',
    client: pglite,
    connection: connectionOf(pglite),
    close: async () => {
      if (options.owned && !pglite.closed) {
        await pglite.close();
      }
    },
  });
}
