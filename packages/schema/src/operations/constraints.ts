import type { Constraint, QualifiedName } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** `ALTER TABLE t ADD CONSTRAINT c ... [NOT VALID]` (and the constraint's comment). */
export interface AddConstraintOperation {
  readonly kind: 'addConstraint';
  readonly table: QualifiedName;
  readonly constraint: Constraint;
  /** `NOT VALID`: only for check and foreign-key constraints; existing rows are checked by `validateConstraint`. */
  readonly notValid: boolean;
}

/** `ALTER TABLE t ADD CONSTRAINT c {PRIMARY KEY | UNIQUE} USING INDEX i`: the online way to a key. */
export interface AddConstraintUsingIndexOperation {
  readonly kind: 'addConstraintUsingIndex';
  readonly table: QualifiedName;
  readonly name: string;
  readonly constraintKind: 'primaryKey' | 'unique';
  /** A unique index on `table`, in the table's schema. It is renamed to the constraint's name. */
  readonly index: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

/** `ALTER TABLE t DROP CONSTRAINT [IF EXISTS] c [CASCADE]`. */
export interface DropConstraintOperation extends DropOptions {
  readonly kind: 'dropConstraint';
  readonly table: QualifiedName;
  readonly name: string;
}

/** `ALTER TABLE t RENAME CONSTRAINT from TO to`. */
export interface RenameConstraintOperation {
  readonly kind: 'renameConstraint';
  readonly table: QualifiedName;
  readonly from: string;
  readonly to: string;
}

/** `ALTER TABLE t VALIDATE CONSTRAINT c`. */
export interface ValidateConstraintOperation {
  readonly kind: 'validateConstraint';
  readonly table: QualifiedName;
  readonly name: string;
}

/** @example addConstraint(posts, fk, { notValid: true }) */
export function addConstraint(
  table: QualifiedName,
  constraint: Constraint,
  options: { notValid?: boolean } = {},
): AddConstraintOperation {
  return node({ kind: 'addConstraint', table, constraint, notValid: options.notValid ?? false });
}

/** @example addConstraintUsingIndex(users, 'users_email_key', 'unique', 'users_email_idx') */
export function addConstraintUsingIndex(
  table: QualifiedName,
  name: string,
  constraintKind: 'primaryKey' | 'unique',
  index: string,
  options: { deferrable?: boolean; initiallyDeferred?: boolean } = {},
): AddConstraintUsingIndexOperation {
  return node({
    kind: 'addConstraintUsingIndex',
    table,
    name,
    constraintKind,
    index,
    deferrable: options.deferrable ?? false,
    initiallyDeferred: options.initiallyDeferred ?? false,
  });
}

/** @example dropConstraint(posts, 'posts_author_fkey', { ifExists: true }) */
export function dropConstraint(
  table: QualifiedName,
  name: string,
  options?: Partial<DropOptions>,
): DropConstraintOperation {
  return node({ kind: 'dropConstraint', table, name, ...dropOptions(options) });
}

/** @example renameConstraint(posts, 'fk1', 'posts_author_fkey') */
export function renameConstraint(table: QualifiedName, from: string, to: string): RenameConstraintOperation {
  return node({ kind: 'renameConstraint', table, from, to });
}

/** @example validateConstraint(posts, 'posts_author_fkey') */
export function validateConstraint(table: QualifiedName, name: string): ValidateConstraintOperation {
  return node({ kind: 'validateConstraint', table, name });
}
