import type { Index, QualifiedName } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON t USING m (...)` (and its comment). */
export interface CreateIndexOperation {
  readonly kind: 'createIndex';
  readonly index: Index;
  /** Builds without blocking writes; cannot run in a transaction. */
  readonly concurrently: boolean;
  readonly ifNotExists: boolean;
}

/** `DROP INDEX [CONCURRENTLY] [IF EXISTS] name [CASCADE]`. */
export interface DropIndexOperation extends DropOptions {
  readonly kind: 'dropIndex';
  readonly index: QualifiedName;
  readonly concurrently: boolean;
}

/** `ALTER INDEX name RENAME TO to`. */
export interface RenameIndexOperation {
  readonly kind: 'renameIndex';
  readonly index: QualifiedName;
  readonly to: string;
}

/** `ALTER INDEX name SET (k = v)` and `RESET (k)`. */
export interface SetIndexOptionsOperation {
  readonly kind: 'setIndexOptions';
  readonly index: QualifiedName;
  readonly set: Readonly<Record<string, string>>;
  readonly reset: readonly string[];
}

/** @example createIndex(index({ schema: 'public', name: 'users_email_idx', table: 'users', keys: [{ column: 'email' }] }), { concurrently: true }) */
export function createIndex(
  index: Index,
  options: { concurrently?: boolean; ifNotExists?: boolean } = {},
): CreateIndexOperation {
  return node({
    kind: 'createIndex',
    index,
    concurrently: options.concurrently ?? false,
    ifNotExists: options.ifNotExists ?? false,
  });
}

/** @example dropIndex({ schema: 'public', name: 'users_email_idx' }, { concurrently: true, ifExists: true }) */
export function dropIndex(
  index: QualifiedName,
  options: Partial<DropOptions> & { concurrently?: boolean } = {},
): DropIndexOperation {
  return node({
    kind: 'dropIndex',
    index,
    concurrently: options.concurrently ?? false,
    ...dropOptions(options),
  });
}

/** @example renameIndex({ schema: 'public', name: 'idx1' }, 'users_email_idx') */
export function renameIndex(index: QualifiedName, to: string): RenameIndexOperation {
  return node({ kind: 'renameIndex', index, to });
}

/** @example setIndexOptions(idx, { set: { fillfactor: '80' } }) */
export function setIndexOptions(
  index: QualifiedName,
  options: { set?: Readonly<Record<string, string>>; reset?: readonly string[] },
): SetIndexOptionsOperation {
  return node({ kind: 'setIndexOptions', index, set: options.set ?? {}, reset: options.reset ?? [] });
}
