import { quoteIdent, quoteLiteral } from '@justscale/sql';
import { ModelError } from './errors.js';

/** A piece of SQL written by the user, used verbatim: a default, a check, a generated expression. */
export interface Sql {
  readonly kind: 'sql';
  readonly text: string;
}

/** What may be interpolated into `sql`: another `Sql` piece or a finite number. Strings are refused. */
export type SqlValue = Sql | number | bigint;

/**
 * Marks SQL text explicitly, so that a default is an expression rather than a value:
 * `default(sql\`now()\`)` is `DEFAULT now()`, `default('now()')` is the string `'now()'`.
 * Interpolating a string is an error (use `sql.literal` or `sql.ident` to say which one you mean).
 *
 * @example
 * field.timestamp().default(sql`now()`);
 * field.integer().check(sql`quantity > ${0}`);
 */
export function sql(strings: TemplateStringsArray, ...values: readonly SqlValue[]): Sql {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += renderValue(value) + (strings[i + 1] ?? '');
  });
  return Object.freeze({ kind: 'sql', text });
}

function renderValue(value: SqlValue): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ModelError('INVALID_SQL', `cannot interpolate ${value} into sql`);
    return value < 0 ? `(${value})` : String(value);
  }
  if (isSql(value)) return value.text;
  throw new ModelError('INVALID_SQL', 'only sql pieces and numbers may be interpolated into sql`...`');
}

/** Raw SQL text from a string (no template). */
sql.raw = (text: string): Sql => Object.freeze({ kind: 'sql', text });
/** A quoted identifier: `sql.ident('Mixed Case')` is `"Mixed Case"`. */
sql.ident = (name: string): Sql => sql.raw(quoteIdent(name));
/** A quoted string literal: `sql.literal("it's")` is `'it''s'`. */
sql.literal = (value: string): Sql => sql.raw(quoteLiteral(value));

export function isSql(value: unknown): value is Sql {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'sql' &&
    typeof (value as { text?: unknown }).text === 'string'
  );
}

/** The text of a piece given as `Sql` or as a plain string (table options accept both). */
export function sqlText(value: Sql | string): string {
  return typeof value === 'string' ? value : value.text;
}
