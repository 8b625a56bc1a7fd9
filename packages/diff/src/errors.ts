import { JustScaleError, type JustScaleErrorOptions } from '@justscale/errors';

/** Stable codes of the errors this package throws. */
export type DiffErrorCode =
  | 'UNSAFE_CHANGE'
  | 'INVALID_RENAME_HINT'
  | 'INVALID_HINTS_FILE'
  | 'DEPENDENCY_CYCLE';

/** Base class of the errors of `@justscale/diff`: a `JustScaleError` with one of these codes. */
export class DiffError extends JustScaleError {
  override name = 'DiffError';
  declare readonly code: DiffErrorCode;
  constructor(code: DiffErrorCode, message: string, options?: JustScaleErrorOptions) {
    super(code, message, options);
  }
}

/**
 * A change PostgreSQL cannot make in place and that `diff` will not make by losing data, e.g. a
 * partitioned table's partition key. `object` names it (`table "public"."events"`).
 */
export class UnsafeChangeError extends DiffError {
  override name = 'UnsafeChangeError';
  readonly object: string;
  constructor(object: string, reason: string) {
    super('UNSAFE_CHANGE', `Cannot change ${object} safely: ${reason}`);
    this.object = object;
  }
}

/** A rename hint that is malformed or names nothing (in `options.renames` or a hints file). */
export class InvalidRenameHintError extends DiffError {
  override name = 'InvalidRenameHintError';
  constructor(message: string, code: 'INVALID_RENAME_HINT' | 'INVALID_HINTS_FILE' = 'INVALID_RENAME_HINT') {
    super(code, message);
  }
}

/**
 * The plan's operations depend on each other in a cycle (PostgreSQL would refuse every order).
 * `objects` names the operations of the cycle; the message says which dependency links each pair.
 */
export class DependencyCycleError extends DiffError {
  override name = 'DependencyCycleError';
  readonly objects: readonly string[];
  constructor(objects: readonly string[], steps: readonly string[]) {
    super('DEPENDENCY_CYCLE', `The plan's operations depend on each other in a cycle: ${steps.join('; ')}`);
    this.objects = objects;
  }
}

/**
 * A column type change PostgreSQL has no cast for (`bigint` → `timestamp with time zone`, `time` →
 * `timestamp`, `smallint` → `boolean`): no `USING` the differ could write is known to be right, and
 * a bare `ALTER COLUMN ... TYPE` would fail when the plan runs. `table`, `column`, `from` and `to`
 * name the change; the message says to write it by hand. Code `UNSAFE_CHANGE`.
 */
export class NoCastError extends DiffError {
  override readonly name = 'NoCastError';
  readonly object: string;
  constructor(
    readonly table: { readonly schema: string; readonly name: string },
    readonly column: string,
    readonly from: string,
    readonly to: string,
    object: string,
  ) {
    super(
      'UNSAFE_CHANGE',
      `Cannot change ${object} from ${from} to ${to}: PostgreSQL has no cast between them, and no conversion is known to be right. Write this change in a hand-written migration with your own conversion (ALTER TABLE ... ALTER COLUMN ... TYPE ${to} USING <expression>), or add a column of the new type, copy the data into it and drop the old one.`,
    );
    this.object = object;
  }
}
