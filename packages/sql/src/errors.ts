import { JustScaleError, type JustScaleErrorOptions } from '@justscale/errors';
import type { Operation } from '@justscale/schema';

/** Stable codes of the errors this package throws. */
export type SqlErrorCode =
  | 'IDENTIFIER_TOO_LONG'
  | 'INVALID_IDENTIFIER'
  | 'INVALID_LITERAL'
  | 'INVALID_SQL_FRAGMENT'
  | 'UNSUPPORTED_BY_SERVER'
  | 'IRREVERSIBLE_OPERATION'
  | 'INVALID_OPERATION';

/** Base class of the errors of `@justscale/sql`: a `JustScaleError` with one of these codes. */
export class SqlError extends JustScaleError {
  override name = 'SqlError';
  declare readonly code: SqlErrorCode;
  constructor(code: SqlErrorCode, message: string, options?: JustScaleErrorOptions) {
    super(code, message, options);
  }
}

/** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

/** A name over 63 bytes: PostgreSQL would truncate it silently, and two names could collide. */
export class IdentifierTooLongError extends SqlError {
  override name = 'IdentifierTooLongError';
  readonly identifier: string;
  readonly bytes: number;
  constructor(identifier: string, bytes: number) {
    super(
      'IDENTIFIER_TOO_LONG',
      `Identifier "${identifier}" is ${bytes} bytes long; PostgreSQL allows ${MAX_IDENTIFIER_BYTES} and would truncate it`,
    );
    this.identifier = identifier;
    this.bytes = bytes;
  }
}

/** An empty name, or one with a NUL character. */
export class InvalidIdentifierError extends SqlError {
  override name = 'InvalidIdentifierError';
  readonly identifier: string;
  constructor(identifier: string, reason: string) {
    super('INVALID_IDENTIFIER', `Invalid identifier ${JSON.stringify(identifier)}: ${reason}`);
    this.identifier = identifier;
  }
}

/** A value `quoteLiteral` does not inline. */
export class InvalidLiteralError extends SqlError {
  override name = 'InvalidLiteralError';
  constructor(reason: string) {
    super('INVALID_LITERAL', `Cannot inline literal: ${reason}`);
  }
}

/** A fragment that must match a strict shape (a built-in type name, type modifiers, a storage option). */
export class InvalidSqlFragmentError extends SqlError {
  override name = 'InvalidSqlFragmentError';
  readonly fragment: string;
  constructor(what: string, fragment: string) {
    super('INVALID_SQL_FRAGMENT', `Invalid ${what}: ${JSON.stringify(fragment)}`);
    this.fragment = fragment;
  }
}

/** The operation uses a feature the target server version lacks (`CompileOptions.serverVersion`). */
export class UnsupportedByServerError extends SqlError {
  override name = 'UnsupportedByServerError';
  readonly feature: string;
  readonly requiredVersion: number;
  readonly serverVersion: number;
  constructor(feature: string, requiredVersion: number, serverVersion: number) {
    super(
      'UNSUPPORTED_BY_SERVER',
      `${feature} needs PostgreSQL ${Math.floor(requiredVersion / 10000)} or later (server is ${serverVersion})`,
    );
    this.feature = feature;
    this.requiredVersion = requiredVersion;
    this.serverVersion = serverVersion;
  }
}

/** The operation cannot be expressed as given (e.g. `NOT VALID` on a primary key). */
export class InvalidOperationError extends SqlError {
  override name = 'InvalidOperationError';
  readonly operation: Operation;
  constructor(operation: Operation, reason: string) {
    super('INVALID_OPERATION', `Invalid ${operation.kind} operation: ${reason}`);
    this.operation = operation;
  }
}

/** `invert` cannot undo this operation. */
export class IrreversibleOperationError extends SqlError {
  override name = 'IrreversibleOperationError';
  readonly operation: Operation;
  readonly reason: string;
  constructor(operation: Operation, reason: string) {
    super('IRREVERSIBLE_OPERATION', `Cannot invert ${operation.kind}: ${reason}`);
    this.operation = operation;
    this.reason = reason;
  }
}
