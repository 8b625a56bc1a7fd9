import { createRequire } from 'node:module';
import { pgliteTemplateDump } from './pglite-template.js';

/** The client libraries a user may hand to JustScale. */
export type RawClientKind = 'pg-pool' | 'pg-client' | 'postgres' | 'pglite';

/** A client library's own client, not wrapped in a driver, and how to end it. */
export interface RawClient {
  readonly kind: RawClientKind;
  /** A `pg.Pool`, a connected `pg.Client`, a postgres.js `sql` or a PGlite instance. */
  readonly client: unknown;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

interface PgModule {
  Pool: new (options: object) => { end(): Promise<void>; on(event: 'error', listener: () => void): unknown };
  Client: new (options: object) => { connect(): Promise<void>; end(): Promise<void> };
}

/**
 * A raw client of `kind`, connected to `url` (ignored for PGlite, which is in memory), for tests
 * of code that accepts whatever client a user already has (`toDriver`).
 *
 * @example
 * const { client, close } = await createRawClient('pg-pool', db.url!);
 */
export async function createRawClient(kind: RawClientKind, url?: string | null): Promise<RawClient> {
  if (kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({ loadDataDir: await pgliteTemplateDump() });
    return { kind, client: pglite, close: () => pglite.close() };
  }
  if (!url) {
    throw new Error(`A ${kind} client needs a server URL`);
  }
  if (kind === 'postgres') {
    const loaded = require('postgres') as { default?: unknown };
    // `require` gives an ES module namespace when Node resolves postgres.js's `import` condition.
    const postgres = (typeof loaded === 'function' ? loaded : loaded.default) as (
      url: string,
      options: object,
    ) => { end(): Promise<void> };
    const sql = postgres(url, { onnotice: () => undefined });
    return { kind, client: sql, close: () => sql.end() };
  }
  const loaded = require('pg') as PgModule & { default?: PgModule };
  const pg = loaded.Pool ? loaded : loaded.default!;
  if (kind === 'pg-pool') {
    const pool = new pg.Pool({ connectionString: url });
    pool.on('error', () => undefined);
    return { kind, client: pool, close: () => pool.end() };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { kind, client, close: () => client.end() };
}
