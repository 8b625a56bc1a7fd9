import type { FleetConnect } from './connections.js';
import { FleetError } from './errors.js';
import { checkSchemaName, type FleetTarget, parseTarget } from './targets.js';

/** Targets found by a query: run on `database` at every command, so new tenants are found as they appear. */
export interface FleetQuery {
  /** Returns one row per target; its first column is a target URL or a schema name in `database`. */
  readonly query: string;
  /** `postgres://...` or `pglite:<dir>`: where the query runs, and where schema names live. */
  readonly database: string;
}

/**
 * Runs `source.query` on `source.database` and reads the first column of each row: a value with
 * `://` (or `pglite:`) is a target URL (with `#schema=` if it wants), anything else a schema name in
 * `source.database`.
 *
 * @example
 * await targetsFromQuery({ query: 'SELECT schema_name FROM tenants', database: url }, defaultConnect());
 */
export async function targetsFromQuery(source: FleetQuery, connect: FleetConnect): Promise<FleetTarget[]> {
  const base = parseTarget(source.database, 'fleet.database');
  const db = await connect(base.database, 1);
  let rows: Record<string, unknown>[];
  try {
    rows = (await db.driver.query<Record<string, unknown>>(source.query)).rows;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FleetError('FLEET_QUERY_FAILED', `The fleet targets query failed: ${message}`, {
      cause: error,
    });
  } finally {
    await db.close().catch(() => undefined);
  }
  return rows.map((row, index) => {
    const value = Object.values(row)[0];
    const where = `fleet.query row ${index + 1}`;
    if (typeof value !== 'string' || value === '') {
      throw new FleetError(
        'FLEET_QUERY_FAILED',
        `${where}: expected a target URL or a schema name in the first column, got ${JSON.stringify(value ?? null)}.`,
      );
    }
    if (value.includes('://') || value.startsWith('pglite:')) return parseTarget(value, where);
    checkSchemaName(value, where);
    return { database: base.database, schema: value };
  });
}
