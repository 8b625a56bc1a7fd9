import { DatabaseError } from '../errors.js';

type Fields = Record<string, unknown>;

const sqlstate = /^[0-9A-Z]{5}$/;

// Network failures reported by Node or a client library before PostgreSQL could answer.
const connectionFailures = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOENT',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
]);

const lostConnection = /connection terminated|terminating connection|connection.*(closed|ended)/i;

/** Replaces the password of any `scheme://user:password@` URL in `text`, and each of `secrets`. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(/(\w+:\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
  for (const secret of secrets) {
    if (secret) {
      out = out.split(secret).join('***');
    }
  }
  return out;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Converts whatever a client library threw into a `DatabaseError`: PostgreSQL's error fields under
 * either naming (`pg`/PGlite's `table`, postgres.js's `table_name`), with `sql` attached and the
 * original as `cause`. Network failures get SQLSTATE `08001` (or `08006` for a lost connection).
 * Anything that is not a database error (a `TypeError` from a bad parameter) is returned unchanged.
 * Passwords are removed from messages.
 *
 * For adapter authors; users only ever see the `DatabaseError`.
 *
 * @example
 * try { await client.query(sql) } catch (error) { throw toDatabaseError(error, sql) }
 */
export function toDatabaseError(
  error: unknown,
  sql?: string,
  secrets: readonly (string | undefined)[] = [],
): unknown {
  if (error instanceof DatabaseError) {
    return error;
  }
  if (typeof error !== 'object' || error === null) {
    return error;
  }
  const e = error as Fields & { message?: unknown };
  const message = redact(typeof e.message === 'string' ? e.message : String(error), secrets);
  const code = str(e.code);
  if (code && sqlstate.test(code) && !connectionFailures.has(code)) {
    return new DatabaseError(message, {
      code,
      severity: str(e.severity),
      detail: str(e.detail),
      hint: str(e.hint),
      position: num(e.position),
      internalPosition: num(e.internalPosition ?? e.internal_position),
      internalQuery: str(e.internalQuery ?? e.internal_query),
      where: str(e.where),
      schema: str(e.schema ?? e.schema_name),
      table: str(e.table ?? e.table_name),
      column: str(e.column ?? e.column_name),
      dataType: str(e.dataType ?? e['data type_name'] ?? e.data_type_name),
      constraint: str(e.constraint ?? e.constraint_name),
      routine: str(e.routine),
      sql,
      cause: error,
    });
  }
  const errors = Array.isArray(e.errors) ? (e.errors as Fields[]) : [];
  const codes = [code, ...errors.map((x) => str(x.code))];
  if (codes.some((c) => c !== undefined && connectionFailures.has(c))) {
    return new DatabaseError(`Could not connect to PostgreSQL: ${message}`, {
      code: code === 'CONNECTION_CLOSED' || code === 'CONNECTION_DESTROYED' ? '08006' : '08001',
      sql,
      cause: error,
    });
  }
  if (error instanceof Error && !code && lostConnection.test(message)) {
    return new DatabaseError(message, { code: '08006', sql, cause: error });
  }
  return error;
}
