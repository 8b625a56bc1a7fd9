import type { PostgresErrorFields } from '@justscale/driver';

/**
 * Formats a PostgreSQL error the way psql does: the message, the statement's line with a caret
 * under the position PostgreSQL reported, then DETAIL, HINT and WHERE. Positions are 1-based
 * characters; an error inside a function body (`internalPosition`) points into `internalQuery`.
 *
 * @example
 * formatSqlError({ message: 'syntax error at or near "TABLEX"', position: 8 }, 'CREATE TABLEX t ()');
 * // syntax error at or near "TABLEX"
 * // LINE 1: CREATE TABLEX t ()
 * //                ^
 */
export function formatSqlError(error: PostgresErrorFields & { message: string }, sql?: string): string {
  const lines = [error.message];
  if (sql !== undefined && error.position !== undefined && error.position > 0) {
    lines.push(...caret(sql, error.position, 'LINE'));
  } else if (sql !== undefined) {
    const statement = sql.trim();
    // A generated statement can be huge (a bulk insert): show its start, enough to recognise it.
    lines.push(`STATEMENT: ${statement.length > 500 ? `${statement.slice(0, 500)}…` : statement}`);
  }
  if (error.internalQuery && error.internalPosition !== undefined && error.internalPosition > 0) {
    lines.push(...caret(error.internalQuery, error.internalPosition, 'QUERY'));
  }
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  if (error.where) lines.push(`CONTEXT: ${error.where}`);
  return lines.join('\n');
}

/** The line holding the 1-based character `position`, and a caret line under it. */
function caret(sql: string, position: number, label: string): [string, string] {
  // PostgreSQL counts characters (code points), not UTF-16 units.
  const chars = Array.from(sql);
  const index = Math.min(position - 1, chars.length);
  let lineStart = 0;
  let lineNumber = 1;
  for (let i = 0; i < index; i++) {
    if (chars[i] === '\n') {
      lineNumber++;
      lineStart = i + 1;
    }
  }
  let lineEnd = lineStart;
  while (lineEnd < chars.length && chars[lineEnd] !== '\n') lineEnd++;
  const line = chars.slice(lineStart, lineEnd).join('').replace(/\r$/, '');
  const prefix = `${label} ${lineNumber}: `;
  // Keep tabs as tabs so the caret lines up under whatever the terminal does with them.
  const pad = chars
    .slice(lineStart, index)
    .map((c) => (c === '\t' ? '\t' : ' '))
    .join('');
  return [prefix + line, ' '.repeat(prefix.length) + pad + '^'];
}
