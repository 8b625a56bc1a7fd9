import type { FunctionDef, QualifiedName } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** A function or procedure as PostgreSQL identifies it: its name and argument types. */
export interface RoutineRef extends QualifiedName {
  readonly routineKind: 'function' | 'procedure';
  /** As `pg_get_function_identity_arguments` prints them: `a integer, b text`, or `''`. */
  readonly identityArguments: string;
}

/** `CREATE [OR REPLACE] {FUNCTION|PROCEDURE} name(args) ... AS $tag$body$tag$` (and its comment). */
export interface CreateFunctionOperation {
  readonly kind: 'createFunction';
  readonly function: FunctionDef;
  readonly orReplace: boolean;
}

/** `DROP {FUNCTION|PROCEDURE} [IF EXISTS] name(args) [CASCADE]`. */
export interface DropFunctionOperation extends DropOptions {
  readonly kind: 'dropFunction';
  readonly function: RoutineRef;
}

/** `ALTER {FUNCTION|PROCEDURE} name(args) RENAME TO to`. */
export interface RenameFunctionOperation {
  readonly kind: 'renameFunction';
  readonly function: RoutineRef;
  readonly to: string;
}

/** The reference to a routine of the model. */
export function routineRef(f: FunctionDef): RoutineRef {
  return Object.freeze({
    schema: f.schema,
    name: f.name,
    routineKind: f.kind,
    identityArguments: f.identityArguments,
  });
}

/** @example createFunction(fn, { orReplace: true }) */
export function createFunction(
  fn: FunctionDef,
  options: { orReplace?: boolean } = {},
): CreateFunctionOperation {
  return node({ kind: 'createFunction', function: fn, orReplace: options.orReplace ?? false });
}

/** @example dropFunction({ schema: 'public', name: 'f', routineKind: 'function', identityArguments: 'integer' }) */
export function dropFunction(fn: RoutineRef, options?: Partial<DropOptions>): DropFunctionOperation {
  return node({ kind: 'dropFunction', function: fn, ...dropOptions(options) });
}

/** @example renameFunction(ref, 'g') */
export function renameFunction(fn: RoutineRef, to: string): RenameFunctionOperation {
  return node({ kind: 'renameFunction', function: fn, to });
}
