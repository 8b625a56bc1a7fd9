import type { Hazard, Operation } from '@justscale/schema';

/** The kinds of object a rename hint can name. */
export type RenameKind =
  | 'table'
  | 'column'
  | 'index'
  | 'constraint'
  | 'enumValue'
  | 'type'
  | 'view'
  | 'sequence'
  | 'function';

/**
 * Tells `diff` that an object was renamed, so that it emits a rename instead of a drop and an add.
 * `table` names the table of a `column` or `constraint`, and the enum of an `enumValue`.
 * Renames are never guessed: without a hint, a drop and an add stay a drop and an add (and a note).
 */
export interface RenameHint {
  readonly kind: RenameKind;
  readonly schema: string;
  readonly table?: string;
  readonly from: string;
  readonly to: string;
}

/** What `diff` does. Every field is optional. */
export interface DiffOptions {
  /**
   * Online mode: indexes built and dropped `CONCURRENTLY`, foreign keys and checks added `NOT VALID`
   * then validated, `SET NOT NULL` through a validated check. Default false.
   */
  readonly online?: boolean;
  /** Rename hints (see `parseRenameHints` for the file format). */
  readonly renames?: readonly RenameHint[];
  /** The target server (`server_version_num` like `150004`, or a major like `15`); default: newest. */
  readonly serverVersion?: number;
  /**
   * `lock_timeout` for each statement, e.g. `'3s'`. Default: `'5s'` in online mode, unset otherwise.
   * Each statement carries it (`PlannedStatement.lockTimeout`); the runner applies it.
   */
  readonly lockTimeout?: string;
  /**
   * `statement_timeout` for each statement that holds a blocking lock, e.g. `'30s'`; statements
   * that block nobody (concurrent index builds, `VALIDATE`) get `'0'`. Default: unset.
   */
  readonly statementTimeout?: string;
}

/** The session timeouts a statement runs under; a missing one is the session's default. */
export interface Timeouts {
  /** `lock_timeout`, e.g. `'5s'`. */
  readonly lockTimeout?: string;
  /** `statement_timeout`, e.g. `'30s'`, or `'0'` for none. */
  readonly statementTimeout?: string;
}

/**
 * One statement of a plan, with the operation it came from and the timeouts it runs under. A runner
 * applies the timeouts around the statement (`SET LOCAL` in a transaction, `SET` then `RESET`
 * outside one); printing the plan as a script (`planScript`) writes them as `SET` lines.
 */
export interface PlannedStatement extends Timeouts {
  readonly sql: string;
  /** False when the statement must run outside a transaction block (and commit on its own). */
  readonly transactional: boolean;
  readonly hazards: readonly Hazard[];
  /** The operation that produced the statement (the same object as in `plan.operations`). */
  readonly operation: Operation;
}

/** Something a user should read: a likely rename, a rebuild, a change that cannot be made. */
export interface Note {
  readonly kind:
    | 'possible-rename'
    | 'recreated'
    | 'rebuilt'
    | 'column-order'
    | 'not-managed'
    /** A column or check a child declares itself, wanted as one it only inherits: no SQL does that. */
    | 'inherited-stays-local';
  readonly message: string;
}

/** The result of `diff`. */
export interface Plan {
  readonly operations: readonly Operation[];
  readonly statements: readonly PlannedStatement[];
  readonly notes: readonly Note[];
  /** Every distinct hazard of the statements (by kind and message). */
  readonly hazards: readonly Hazard[];
}
