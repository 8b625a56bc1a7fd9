import type { Index, QualifiedName } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON [ONLY] t USING m (...)` (and its comment). */
export interface CreateIndexOperation {
  readonly kind: 'createIndex';
  readonly index: Index;
  /** Builds without blocking writes; cannot run in a transaction. */
  readonly concurrently: boolean;
  readonly ifNotExists: boolean;
  /**
   * `ON ONLY`: on a partitioned table, the index is created on the parent alone, invalid, and
   * becomes valid once each partition's index is attached to it (`attachIndex`).
   */
  readonly only: boolean;
}

/**
 * `ALTER INDEX index ATTACH PARTITION partitionIndex`: a partition's index becomes part of its
 * parent's index (made `ON ONLY`); once every partition has one, the parent's index is valid.
 * PostgreSQL has no way to detach it again: dropping the parent's index drops it.
 */
export interface AttachIndexOperation {
  readonly kind: 'attachIndex';
  /** The partitioned table's index. */
  readonly index: QualifiedName;
  /** The partition's index (in the partition's schema). */
  readonly partitionIndex: QualifiedName;
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
  options: { concurrently?: boolean; ifNotExists?: boolean; only?: boolean } = {},
): CreateIndexOperation {
  return node({
    kind: 'createIndex',
    index,
    concurrently: options.concurrently ?? false,
    ifNotExists: options.ifNotExists ?? false,
    only: options.only ?? false,
  });
}

/** @example attachIndex({ schema: 'public', name: 'events_at_idx' }, { schema: 'public', name: 'events_2024_at_idx' }) */
export function attachIndex(index: QualifiedName, partitionIndex: QualifiedName): AttachIndexOperation {
  return node({ kind: 'attachIndex', index, partitionIndex });
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
