import { QUOTED_KEYWORDS } from './keywords.js';

/**
 * Quotes an identifier the way PostgreSQL prints it (`quote_ident`, and so `format_type` and
 * `pg_get_expr`): only when needed — when it is not all lowercase ASCII letters, digits and `_`
 * starting with a letter or `_`, or when it is a keyword that is not unreserved. For text that must
 * read as introspection reads it; SQL this toolkit runs is quoted by `quoteIdent`, always.
 *
 * @example
 * quoteIdentLikePostgres('users'); // users
 * quoteIdentLikePostgres('UserStatus'); // "UserStatus"
 */
export function quoteIdentLikePostgres(name: string): string {
  if (/^[a-z_][a-z0-9_]*$/.test(name) && !QUOTED_KEYWORDS.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A string literal as PostgreSQL prints it under `standard_conforming_strings = on`: quotes
 * doubled, backslashes as they are (`'it''s'`, `'a\b'`). For text that must read as introspection
 * reads it; SQL this toolkit runs inlines literals through `quoteLiteral`.
 *
 * @example quoteLiteralLikePostgres("it's") // "'it''s'"
 */
export function quoteLiteralLikePostgres(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
