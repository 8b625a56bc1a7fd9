import { isDatabaseError, type PostgresErrorFields } from '@justscale/driver';
import { type ErrorRef, JustScaleError, type JustScaleErrorOptions } from '@justscale/errors';
import { fieldLines, formatSqlError, lineOf } from './format-sql-error.js';

/** Every error `@justscale/migrate` raises has one of these stable codes. */
export type MigrateErrorCode =
  /** A migration file could not be loaded: syntax error, no default export, bad shape, missing import. */
  | 'MIGRATION_LOAD_FAILED'
  /** The migrations directory does not exist. */
  | 'MIGRATION_DIRECTORY_MISSING'
  /** Two files in the directory give the same migration name. */
  | 'MIGRATION_DUPLICATE_NAME'
  /** A migration's `up` or `down` failed; nothing of it was kept. */
  | 'MIGRATION_FAILED'
  /** A statement run through the Database API failed. */
  | 'STATEMENT_FAILED'
  /** An applied migration's file changed since it was applied. */
  | 'MIGRATION_CHECKSUM_CHANGED'
  /** An applied migration's file is gone. */
  | 'MIGRATION_FILE_MISSING'
  /** A pending migration is named before one that is already applied. */
  | 'MIGRATION_OUT_OF_ORDER'
  /** A migration to roll back has no `down`. */
  | 'MIGRATION_NOT_REVERSIBLE'
  /** A `transaction: false` migration in a batch run with `transaction: 'all'`. */
  | 'MIGRATION_NOT_TRANSACTIONAL'
  /** Another runner holds the migration lock (`lock: 'fail'` or a timeout). */
  | 'MIGRATION_LOCKED'
  /** A Database API data method named a table that does not exist. */
  | 'UNKNOWN_TABLE'
  /** A Database API data method named a column the table does not have. */
  | 'UNKNOWN_COLUMN'
  /** An argument is not valid (empty values, bad limit, bad option). */
  | 'INVALID_ARGUMENT'
  /** `syncSchema` refused hazards that were not allowed. */
  | 'HAZARD_NOT_ALLOWED'
  /** The run was interrupted (its `signal` aborted: Ctrl-C, SIGTERM); what had committed stays. */
  | 'MIGRATION_INTERRUPTED'
  /** `makeMigration` found migrations not applied yet (a new one would repeat their changes). */
  | 'MIGRATIONS_PENDING'
  /** The models drop a table or column that an object they do not manage (a view, ...) depends on. */
  | 'UNMANAGED_DEPENDENT';

/** A migration that committed before a run stopped (the same shape as the runner's results). */
export interface CommittedMigration {
  readonly name: string;
  readonly batch: number;
  readonly durationMs: number;
}

/**
 * Base class of every error raised by `@justscale/migrate`: a `JustScaleError` (switch on `code`;
 * `ref` names the migration, its file and line, `hint` what to do).
 */
export class MigrateError extends JustScaleError {
  override name = 'MigrateError';
  declare readonly code: MigrateErrorCode;
  /**
   * When a run stopped on this error: the migrations of the run that had committed before it (and
   * stay applied). Undefined when the error came before anything could run.
   */
  committed: readonly CommittedMigration[] | undefined;

  constructor(code: MigrateErrorCode, message: string, options?: JustScaleErrorOptions) {
    super(code, message, options);
  }
}

/**
 * A run stopped because its `signal` aborted (the CLI aborts it on SIGINT / SIGTERM). Raised
 * between statements and between migrations; the migration it stopped in is rolled back.
 */
export class MigrationInterruptedError extends MigrateError {
  override name = 'MigrationInterruptedError';
  constructor(reason?: unknown) {
    const why = typeof reason === 'string' ? reason : reason instanceof Error ? reason.message : 'aborted';
    super('MIGRATION_INTERRUPTED', `The run was interrupted (${why}).`, {
      cause: reason,
      hint: 'What had committed stays applied; run again to apply the rest.',
    });
  }
}

/**
 * A migration file could not be loaded; nothing was applied. `ref.line` is the line at fault when
 * known (a syntax error, SQL outside a `.sql` file's sections).
 */
export class MigrationLoadError extends MigrateError {
  override name = 'MigrationLoadError';
  constructor(
    readonly file: string,
    reason: string,
    options: { cause?: unknown; line?: number | undefined; hint?: string | undefined } = {},
  ) {
    super('MIGRATION_LOAD_FAILED', `Cannot load migration ${file}: ${reason}`, {
      cause: options.cause,
      hint: options.hint,
      ref: { kind: 'migration', file, line: options.line ?? syntaxErrorLine(options.cause, file) },
    });
  }
}

/**
 * The line of `file` a transpiler's syntax error points at: Babel's `loc.line`, or the
 * `file:line:column` jiti writes into its message (it carries no `loc`).
 */
function syntaxErrorLine(error: unknown, file: string): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const loc = (error as { loc?: { line?: unknown } }).loc;
  if (typeof loc?.line === 'number' && loc.line > 0) return loc.line;
  const at = error.message.lastIndexOf(`${file}:`);
  const match = at === -1 ? null : /^:(\d+):\d+/.exec(error.message.slice(at + file.length));
  return match ? Number(match[1]) : undefined;
}

/** Where a statement came from: a `.sql` migration's file, and the file line its text starts on. */
export interface StatementSource {
  readonly file: string;
  /** The 1-based line of `file` that the statement's first line is. */
  readonly firstLine: number;
}

/**
 * A statement run through the Database API failed. The message shows the statement's line with a
 * caret under the position PostgreSQL reported; the PostgreSQL fields are kept, and the driver's
 * `DatabaseError` is the `cause`.
 */
export class StatementError extends MigrateError {
  override name = 'StatementError';
  readonly sql: string;
  readonly params: readonly unknown[];
  /** The PostgreSQL fields of the failure (`code` there is the SQLSTATE). */
  readonly postgres: PostgresErrorFields;

  /**
   * With `source` (a `.sql` migration's statements), the caret's `LINE n` and `ref.line` count
   * from the file's first line, not from the statement's.
   */
  constructor(sql: string, params: readonly unknown[], cause: unknown, source?: StatementSource) {
    const fields = pgFields(cause);
    const message = cause instanceof Error ? cause.message : String(cause);
    const firstLine = source?.firstLine ?? 1;
    const at = fields.position === undefined ? undefined : lineOf(sql, fields.position);
    super('STATEMENT_FAILED', formatSqlError({ ...fields, message }, sql, { firstLine }), {
      cause,
      // Without a position (an error at run time, not at parse time) the line is not known.
      ...(source === undefined
        ? {}
        : { ref: { file: source.file, line: at === undefined ? undefined : firstLine + at - 1 } }),
    });
    this.sql = sql;
    this.params = params;
    this.postgres = fields;
  }

  /**
   * This error as raised by statements of `source`: the same failure, its lines counted in the file.
   *
   * @example
   * try { await db.raw(section.sql); } catch (e) { throw e instanceof StatementError ? e.from({ file, firstLine: 4 }) : e; }
   */
  from(source: StatementSource): StatementError {
    return new StatementError(this.sql, this.params, this.cause, source);
  }
}

/**
 * A migration failed: names its file and, when a statement failed, the statement (with a caret).
 * When the run was interrupted (its `signal` aborted: Ctrl-C, SIGTERM) while the migration ran, the
 * code is `MIGRATION_INTERRUPTED` rather than `MIGRATION_FAILED`, on every driver: the server reports
 * the cancelled statement (SQLSTATE 57014), PGlite the runner's own check; either way the migration
 * was rolled back (or, outside a transaction, stopped part way).
 */
export class MigrationFailedError extends MigrateError {
  override name = 'MigrationFailedError';
  readonly migration: string;
  readonly file: string;
  readonly direction: 'up' | 'down';
  /** The failing statement, when a statement failed (not a JavaScript error in the migration). */
  readonly sql: string | undefined;
  /** The server's error fields, when the server refused something (a statement, or the commit). */
  readonly postgres: PostgresErrorFields | undefined;

  constructor(
    migration: { name: string; file: string },
    direction: 'up' | 'down',
    cause: unknown,
    note?: string,
    interrupted = false,
  ) {
    const statement = findStatementError(cause);
    // Not a statement of the migration (its tracking row, its COMMIT and the deferred constraints
    // checked there): the server's error all the same, with what it says below its message.
    const server = statement === undefined ? findCause(cause, isDatabaseError) : undefined;
    const message = cause instanceof Error ? cause.message : String(cause);
    const detail =
      statement === undefined
        ? [`: ${message}`, ...(server === undefined ? [] : fieldLines(server))].join('\n')
        : statement === cause
          ? `\n${statement.message}`
          : `: ${message}\n${statement.message}`;
    super(
      interrupted ? 'MIGRATION_INTERRUPTED' : 'MIGRATION_FAILED',
      `Migration ${migration.name} (${migration.file}) ${interrupted ? 'was interrupted' : 'failed'} in ${direction}${detail}${note ? `\n${note}` : ''}`,
      {
        cause,
        ref: refOf(migration, statement?.ref, cause),
        ...(interrupted ? { hint: 'What had committed stays applied; run again to apply the rest.' } : {}),
      },
    );
    this.migration = migration.name;
    this.file = migration.file;
    this.direction = direction;
    this.sql = statement?.sql;
    this.postgres = statement?.postgres ?? (server === undefined ? undefined : pgFields(server));
  }
}

/** The migration, its file and, when known, the line that failed (or the error's own `ref`). */
function refOf(
  migration: { name: string; file: string },
  statement: ErrorRef | undefined,
  cause: unknown,
): ErrorRef {
  const inner = statement ?? (cause instanceof JustScaleError ? cause.ref : undefined);
  return {
    kind: 'migration',
    name: migration.name,
    file: migration.file,
    line: inner?.file === migration.file ? inner.line : undefined,
  };
}

/** The first error of `error`'s cause chain (itself included) that `is` accepts. */
export function findCause<T>(error: unknown, is: (e: unknown) => e is T): T | undefined {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (is(current)) return current;
    current = current.cause;
  }
  return undefined;
}

/** The StatementError in `error`'s cause chain, if any (a wrapping error keeps it as `cause`). */
function findStatementError(error: unknown): StatementError | undefined {
  return findCause(error, (e): e is StatementError => e instanceof StatementError);
}

/**
 * An integrity check failed before anything ran. `migrations` lists the names at fault; `ref` names
 * the first, with its file when it has one; `option` is the runner option that overrides the check.
 */
export class MigrationIntegrityError extends MigrateError {
  override name = 'MigrationIntegrityError';
  constructor(
    code: 'MIGRATION_CHECKSUM_CHANGED' | 'MIGRATION_FILE_MISSING' | 'MIGRATION_OUT_OF_ORDER',
    readonly migrations: readonly string[],
    message: string,
    options: Pick<JustScaleErrorOptions, 'hint' | 'option' | 'ref'> = {},
  ) {
    super(code, message, options);
  }
}

/** Another runner holds the migration lock; `ref` names the tracking table the lock is for. */
export class MigrationLockError extends MigrateError {
  override name = 'MigrationLockError';
  constructor(message: string, options: Pick<JustScaleErrorOptions, 'hint' | 'option' | 'ref'> = {}) {
    super('MIGRATION_LOCKED', message, options);
  }
}

const fieldNames = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

function pgFields(error: unknown): PostgresErrorFields {
  if (typeof error !== 'object' || error === null) return {};
  const source = error as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of fieldNames) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    fields[key] = key === 'position' || key === 'internalPosition' ? Number(value) : value;
  }
  return fields as PostgresErrorFields;
}
