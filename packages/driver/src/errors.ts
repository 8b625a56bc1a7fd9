/** The fields PostgreSQL reports with an error (see the ErrorResponse message). */
export interface PostgresErrorFields {
  /** SQLSTATE, e.g. `'42P01'`. */
  readonly code?: string | undefined;
  readonly severity?: string | undefined;
  readonly detail?: string | undefined;
  readonly hint?: string | undefined;
  /** 1-based character position in `sql` where the error was found. */
  readonly position?: number | undefined;
  readonly internalPosition?: number | undefined;
  readonly internalQuery?: string | undefined;
  readonly where?: string | undefined;
  readonly schema?: string | undefined;
  readonly table?: string | undefined;
  readonly column?: string | undefined;
  readonly dataType?: string | undefined;
  readonly constraint?: string | undefined;
  readonly routine?: string | undefined;
}

/**
 * Every error from PostgreSQL reaches JustScale's callers as this one type, whichever client
 * library raised it. The original error is kept as `cause`.
 */
export class DatabaseError extends Error implements PostgresErrorFields {
  override readonly name = 'DatabaseError';
  readonly code: string | undefined;
  readonly severity: string | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly position: number | undefined;
  readonly internalPosition: number | undefined;
  readonly internalQuery: string | undefined;
  readonly where: string | undefined;
  readonly schema: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly dataType: string | undefined;
  readonly constraint: string | undefined;
  readonly routine: string | undefined;
  /** The SQL that failed, when known. */
  readonly sql: string | undefined;

  constructor(message: string, fields: PostgresErrorFields & { sql?: string | undefined; cause?: unknown }) {
    super(message, { cause: fields.cause });
    this.code = fields.code;
    this.severity = fields.severity;
    this.detail = fields.detail;
    this.hint = fields.hint;
    this.position = fields.position;
    this.internalPosition = fields.internalPosition;
    this.internalQuery = fields.internalQuery;
    this.where = fields.where;
    this.schema = fields.schema;
    this.table = fields.table;
    this.column = fields.column;
    this.dataType = fields.dataType;
    this.constraint = fields.constraint;
    this.routine = fields.routine;
    this.sql = fields.sql;
  }
}

export function isDatabaseError(error: unknown): error is DatabaseError {
  return error instanceof DatabaseError;
}

/**
 * `error`'s fields (and its cause) as the error of `sql`, at `position` in it: the error of one
 * statement of a script, or of a script sent behind a prefix, as if that text had been sent alone.
 *
 * @example
 * restated(error, 'SELECT 2 FROM WHERE', 15); // same code, message and detail; sql and position of the statement
 */
export function restated(error: DatabaseError, sql: string, position?: number): DatabaseError {
  const { code, severity, detail, hint, internalPosition, internalQuery, where } = error;
  const { schema, table, column, dataType, constraint, routine } = error;
  return new DatabaseError(error.message, {
    ...{ code, severity, detail, hint, internalPosition, internalQuery, where },
    ...{ schema, table, column, dataType, constraint, routine },
    position,
    sql,
    cause: error.cause,
  });
}
