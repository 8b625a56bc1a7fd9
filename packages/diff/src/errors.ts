/** Stable codes of the errors this package throws. */
export type DiffErrorCode = 'JS_DIFF_UNSAFE_CHANGE' | 'JS_DIFF_INVALID_HINT' | 'JS_DIFF_INVALID_HINTS_FILE';

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
