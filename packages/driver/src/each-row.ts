import type { Queryable, Row } from './types.js';

/**
 * Runs one statement and hands its rows to `onRow` one by one: as they are decoded when the
 * queryable streams (`Queryable.forEachRow`), else from `query`'s result. Returns the row count.
 *
 * @example
 * let n = 0;
 * await forEachRow(tx, 'SELECT relname FROM pg_catalog.pg_class', [], () => { n++; });
 */
export async function forEachRow<R = Row>(
  q: Queryable,
  sql: string,
  params: readonly unknown[],
  onRow: (row: R) => void,
): Promise<number> {
  if (q.forEachRow !== undefined) return q.forEachRow<R>(sql, params, onRow);
  const { rows } = await q.query<R>(sql, params);
  for (const row of rows) onRow(row);
  return rows.length;
}
