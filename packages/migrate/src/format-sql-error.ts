import type { PostgresErrorFields } from '@justscale/driver';

/**
 * Formats a PostgreSQL error the way psql does: the message, the statement's line with a caret
 * under the position PostgreSQL reported, then DETAIL, HINT and WHERE. Positions are 1-based
 * characters; an error inside a function body (`internalPosition`) points into `internalQuery`.
 * `firstLine` is the line number of `sql`'s first line (a `.sql` migration's section starts below
 * the top of its file): `LINE n` counts from there.
 *
 * @example
 * formatSqlError({ message: 'syntax error at or near "TABLEX"', position: 8 }, 'CREATE TABLEX t ()');
 * // syntax error at or near "TABLEX"
 * // LINE 1: CREATE TABLEX t ()
 * //                ^
 */
export function formatSqlError(
  error: PostgresErrorFields & { message: string },
  sql?: string,
  options: { firstLine?: number } = {},
): string {
  const lines = [error.message];
  if (sql !== undefined && error.position !== undefined && error.position > 0) {
    lines.push(...caret(sql, error.position, 'LINE', options.firstLine ?? 1));
  } else if (sql !== undefined) {
    const statement = sql.trim();
    // A generated statement can be huge (a bulk insert): show its start, enough to recognise it.
    lines.push(`STATEMENT: ${statement.length > 500 ? `${statement.slice(0, 500)}…` : statement}`);
  }
  if (error.internalQuery && error.internalPosition !== undefined && error.internalPosition > 0) {
    lines.push(...caret(error.internalQuery, error.internalPosition, 'QUERY', 1));
  }
  lines.push(...fieldLines(error));
  return lines.join('\n');
}

/**
 * The DETAIL, HINT and CONTEXT lines of a PostgreSQL error, as psql prints them below its message.
 *
 * @example
 * fieldLines({ detail: 'Key (email)=(a) already exists.' }); // ['DETAIL: Key (email)=(a) already exists.']
 */
export function fieldLines(error: PostgresErrorFields): string[] {
  const lines: string[] = [];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  if (error.where) lines.push(`CONTEXT: ${error.where}`);
  return lines;
}

/**
 * The 1-based line of `sql` holding the 1-based character `position` PostgreSQL reported.
 *
 * @example
 * lineOf('SELECT 1;\nSELECT x;', 18); // 2
 */
export function lineOf(sql: string, position: number): number {
  const chars = Array.from(sql);
  const index = Math.min(position - 1, chars.length);
  let line = 1;
  for (let i = 0; i < index; i++) if (chars[i] === '\n') line++;
  return line;
}

/** The line holding the 1-based character `position`, and a caret line under it. */
function caret(sql: string, position: number, label: string, firstLine: number): [string, string] {
  // PostgreSQL counts characters (code points), not UTF-16 units.
  const chars = Array.from(sql);
  const index = Math.min(position - 1, chars.length);
  let lineStart = 0;
  let lineNumber = firstLine;
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
