/** Stable codes of the errors this package throws. */
export type DiffErrorCode =
  | 'JS_DIFF_UNSAFE_CHANGE'
  | 'JS_DIFF_INVALID_HINT'
  | 'JS_DIFF_INVALID_HINTS_FILE'
  | 'JS_DIFF_DEPENDENCY_CYCLE';

/** Base class of the errors of `@justscale/diff`: each has a stable `code`. */
export class DiffError extends Error {
  override readonly name: string = 'DiffError';
  readonly code: DiffErrorCode;
  constructor(code: DiffErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * A change PostgreSQL cannot make in place and that `diff` will not make by losing data, e.g. a
 * partitioned table's partition key. `object` names it (`table "public"."events"`).
 */
export class UnsafeChangeError extends DiffError {
  override readonly name = 'UnsafeChangeError';
  readonly object: string;
  constructor(object: string, reason: string) {
    super('JS_DIFF_UNSAFE_CHANGE', `Cannot change ${object} safely: ${reason}`);
    this.object = object;
  }
}

/** A rename hint that is malformed or names nothing (in `options.renames` or a hints file). */
export class InvalidRenameHintError extends DiffError {
  override readonly name = 'InvalidRenameHintError';
  constructor(
    message: string,
    code: 'JS_DIFF_INVALID_HINT' | 'JS_DIFF_INVALID_HINTS_FILE' = 'JS_DIFF_INVALID_HINT',
  ) {
    super(code, message);
  }
}

/**
 * The plan's operations depend on each other in a cycle (PostgreSQL would refuse every order).
 * `objects` names the operations of the cycle; the message says which dependency links each pair.
 */
export class DependencyCycleError extends DiffError {
  override readonly name = 'DependencyCycleError';
  readonly objects: readonly string[];
  constructor(objects: readonly string[], steps: readonly string[]) {
    super(
      'JS_DIFF_DEPENDENCY_CYCLE',
      `The plan's operations depend on each other in a cycle: ${steps.join('; ')}`,
    );
    this.objects = objects;
  }
}
