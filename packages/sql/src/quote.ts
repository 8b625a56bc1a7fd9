import type { QualifiedName, TypeRef } from '@justscale/schema';
import {
  IdentifierTooLongError,
  InvalidIdentifierError,
  InvalidLiteralError,
  InvalidSqlFragmentError,
  MAX_IDENTIFIER_BYTES,
} from './errors.js';

const encoder = new TextEncoder();

/**
 * Quotes an identifier, always, even when it looks safe: `users` → `"users"`, `a"b` → `"a""b"`.
 * Refuses `''`, a NUL character, and names over 63 bytes (UTF-8), which PostgreSQL would truncate.
 *
 * @example quoteIdent('Mixed Case') // '"Mixed Case"'
 */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new InvalidIdentifierError(name, 'empty');
  if (name.includes('\u0000')) throw new InvalidIdentifierError(name, 'contains a NUL character');
  const bytes = encoder.encode(name).length;
  if (bytes > MAX_IDENTIFIER_BYTES) throw new IdentifierTooLongError(name, bytes);
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes a qualified name. The name is never split on `.`.
 *
 * @example quoteQualified({ schema: 'public', name: 'a.b' }) // '"public"."a.b"'
 */
export function quoteQualified(name: QualifiedName): string {
  return `${quoteIdent(name.schema)}.${quoteIdent(name.name)}`;
}

/** The values `quoteLiteral` inlines. */
export type LiteralValue = string | number | bigint | boolean | null;

/**
 * Inlines a literal. Strings with a backslash use `E'...'` with the backslash escaped, so the result
 * means the same whatever `standard_conforming_strings` is. Anything but the typed set is an error.
 *
 * @example quoteLiteral("it's") // "'it''s'"
 * @example quoteLiteral('a\\b') // "E'a\\\\b'"
 */
export function quoteLiteral(value: LiteralValue): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string': {
      if (value.includes('\u0000')) throw new InvalidLiteralError('PostgreSQL text cannot contain NUL');
      const body = value.replaceAll("'", "''");
      return value.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`;
    }
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidLiteralError(`non-finite number ${value}`);
      return value < 0 || Object.is(value, -0) ? `(${String(value)})` : String(value);
    case 'bigint':
      return value < 0n ? `(${value.toString()})` : value.toString();
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    default:
      throw new InvalidLiteralError(`unsupported type ${typeof value}`);
  }
}

/**
 * Dollar-quotes a body with a tag that does not occur in it (`$body$`, else `$body1$`, ...).
 *
 * @example dollarQuote('BEGIN RETURN 1; END') // '$body$BEGIN RETURN 1; END$body$'
 */
export function dollarQuote(body: string, tag = 'body'): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tag)) throw new InvalidSqlFragmentError('dollar-quote tag', tag);
  let candidate = tag;
  // `$tag` anywhere (not only `$tag$`) is refused: a body ending in `$tag` would close early.
  for (let i = 1; body.includes(`$${candidate}`); i++) candidate = `${tag}${i}`;
  return `$${candidate}$${body}$${candidate}$`;
}

// format_type's spellings of built-in types: `integer`, `character varying(200)`,
// `timestamp(3) with time zone`, `interval day to second(2)`, `numeric(10,2)`, `"char"`.
const BUILTIN_TYPE =
  /^(?:"char"|[a-z_][a-z0-9_]*(?: [a-z_][a-z0-9_]*)*(?:\(\d+(?:,-?\d+)?\))?(?: [a-z_]+)*)$/;
const MODIFIERS = /^\([A-Za-z0-9_, -]+\)$/;

/**
 * Renders a type reference: built-ins in PostgreSQL's own spelling, others quoted and qualified.
 *
 * @example renderType({ schema: 'pg_catalog', name: 'numeric(10,2)', modifiers: null, array: true }) // 'numeric(10,2)[]'
 * @example renderType({ schema: 'public', name: 'UserStatus', modifiers: null, array: false }) // '"public"."UserStatus"'
 */
export function renderType(type: TypeRef): string {
  let sql: string;
  if (type.schema === 'pg_catalog' && BUILTIN_TYPE.test(type.name)) {
    sql = type.name;
  } else {
    sql = quoteQualified(type);
  }
  if (type.modifiers !== null) {
    if (!MODIFIERS.test(type.modifiers)) throw new InvalidSqlFragmentError('type modifiers', type.modifiers);
    sql += type.modifiers;
  }
  return type.array ? `${sql}[]` : sql;
}

const OPTION_NAME = /^[a-z_][a-z0-9_.]*$/;

/** `key=value` storage parameters (`WITH (fillfactor=70)`): keys must be plain option names, values are inlined. */
export function renderOptions(options: Readonly<Record<string, string>>): string {
  const parts = Object.entries(options).map(([key, value]) => {
    if (!OPTION_NAME.test(key)) throw new InvalidSqlFragmentError('storage parameter name', key);
    return `${key}=${renderOptionValue(value)}`;
  });
  return `(${parts.join(', ')})`;
}

/** A storage parameter's value: a number or a bare word as is, anything else a string literal. */
export function renderOptionValue(value: string): string {
  return /^(?:-?\d+(?:\.\d+)?|[a-z_][a-z0-9_]*)$/.test(value) ? value : quoteLiteral(value);
}

/** A storage parameter name for `RESET (...)`. */
export function renderOptionName(key: string): string {
  if (!OPTION_NAME.test(key)) throw new InvalidSqlFragmentError('storage parameter name', key);
  return key;
}

/** A list of identifiers, quoted and comma-separated. */
export function quoteIdents(names: readonly string[]): string {
  return names.map(quoteIdent).join(', ');
}
