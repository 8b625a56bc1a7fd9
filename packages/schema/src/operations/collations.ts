import type { Collation, QualifiedName } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';
/** `CREATE COLLATION name (provider = ..., locale = ..., deterministic = ...)` (and its comment). */
export interface CreateCollationOperation {
  readonly kind: 'createCollation';
  readonly collation: Collation;
}

/** `DROP COLLATION [IF EXISTS] name [CASCADE]`. */
export interface DropCollationOperation extends DropOptions {
  readonly kind: 'dropCollation';
  readonly collation: QualifiedName;
}

/** `ALTER COLLATION name RENAME TO to`. */
export interface RenameCollationOperation {
  readonly kind: 'renameCollation';
  readonly collation: QualifiedName;
  readonly to: string;
}

/** @example createCollation({ schema: 'public', name: 'ci', provider: 'icu', locale: 'und-u-ks-level2', ... }) */
export function createCollation(collation: Collation): CreateCollationOperation {
  return node({ kind: 'createCollation', collation });
}

/** @example dropCollation({ schema: 'public', name: 'ci' }) */
export function dropCollation(
  collation: QualifiedName,
  options?: Partial<DropOptions>,
): DropCollationOperation {
  return node({
    kind: 'dropCollation',
    collation: { schema: collation.schema, name: collation.name },
    ...dropOptions(options),
  });
}

/** @example renameCollation({ schema: 'public', name: 'ci__new' }, 'ci') */
export function renameCollation(collation: QualifiedName, to: string): RenameCollationOperation {
  return node({ kind: 'renameCollation', collation: { schema: collation.schema, name: collation.name }, to });
}
