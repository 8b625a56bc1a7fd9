import { DatabaseError, restated } from './errors.js';
import type { Queryable, Row, ScriptStatement } from './types.js';

/**
 * What joins a script's statements into one text: on a line of its own, so a `--` comment ending one
 * statement cannot swallow the `;`.
 */
export const SCRIPT_SEPARATOR = '\n;\n';

/**
 * Which of `sqls`, joined by `SCRIPT_SEPARATOR`, holds the 1-based character `position` of the
 * joined text, and the position within it. PostgreSQL counts characters, not UTF-16 code units.
 *
 * @example
 * statementAt(['SELECT 1', 'SELECT FROM WHERE'], 24); // { index: 1, position: 13 }: at WHERE
 */
export function statementAt(sqls: readonly string[], position: number): { index: number; position: number } {
  let index = 0;
  let at = 0;
  for (let i = 0, start = 0; i < sqls.length && start < position; i++) {
    index = i;
    at = start;
    start += [...sqls[i]!].length + SCRIPT_SEPARATOR.length;
  }
  return { index, position: position - at };
}

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
 * (`Queryable.forEachRowOfScript`), else one statement at a time (consecutive statements without
 * `onRow` as one script). Meant for reads inside a transaction, where both ways behave alike: a
 * failing statement stops the rest.
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
  // One by one, but statements whose rows nobody reads (settings) go together as one script.
  for (let i = 0; i < statements.length; ) {
    const statement = statements[i]!;
    if (statement.onRow !== undefined) {
      await forEachRow(q, statement.sql, [], statement.onRow);
      statement.onEnd?.();
      i++;
      continue;
    }
    let end = i;
    while (end < statements.length && statements[end]!.onRow === undefined) end++;
    const run = statements.slice(i, end).map((s) => s.sql);
    try {
      await q.exec(run.join(SCRIPT_SEPARATOR));
    } catch (error) {
      // A position tells which statement failed: its error is that statement's, as when sent alone.
      if (!(error instanceof DatabaseError) || error.position === undefined) throw error;
      const at = statementAt(run, error.position);
      throw restated(error, run[at.index]!, at.position);
    }
    for (const s of statements.slice(i, end)) s.onEnd?.();
    i = end;
  }
}
