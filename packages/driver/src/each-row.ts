import type { Queryable, Row, ScriptStatement } from './types.js';

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

/**
 * Runs `statements` (no parameters), handing each one's rows to its `onRow` and calling its `onEnd`
 * once it completed: in one round trip where the queryable can send them together
 * (`Queryable.forEachRowOfScript`), else one statement at a time. Meant for reads inside a
 * transaction, where both ways behave alike: a failing statement stops the rest.
 *
 * @example
 * await forEachRowOfScript(tx, [
 *   { sql: 'SELECT relname FROM pg_catalog.pg_class', onRow: (row) => names.push(row.relname) },
 *   { sql: "SET LOCAL work_mem = '64MB'" },
 *   { sql: 'SELECT objid FROM pg_catalog.pg_depend', onRow: (row) => edges.push(row), onEnd: () => done() },
 * ]);
 */
export async function forEachRowOfScript(
  q: Queryable,
  statements: readonly ScriptStatement[],
): Promise<void> {
  if (statements.length === 0) return;
  if (q.forEachRowOfScript !== undefined) return q.forEachRowOfScript(statements);
  for (const statement of statements) {
    if (statement.onRow === undefined) await q.exec(statement.sql);
    else await forEachRow(q, statement.sql, [], statement.onRow);
    statement.onEnd?.();
  }
}
