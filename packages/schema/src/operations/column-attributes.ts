import type { ColumnCompression, ColumnStorage, QualifiedName } from '../snapshot.js';
import { node } from './node.js';

/** What `setColumnAttributes` changes; a key left out is left as it is. */
export interface ColumnAttributeChanges {
  /** `SET STATISTICS n`; null resets it (`SET STATISTICS -1`). */
  readonly statistics?: number | null;
  /** `SET STORAGE mode` (`mode` may be the type's own, which is how it goes back to the default). */
  readonly storage?: ColumnStorage;
  /** `SET COMPRESSION method`; null is the server's default (`SET COMPRESSION default`). */
  readonly compression?: ColumnCompression | null;
}

/** `ALTER TABLE t ALTER COLUMN c SET STATISTICS | SET STORAGE | SET COMPRESSION`. */
export interface SetColumnAttributesOperation {
  readonly kind: 'setColumnAttributes';
  readonly table: QualifiedName;
  readonly column: string;
  readonly changes: ColumnAttributeChanges;
}

/**
 * @example
 * setColumnAttributes(docs, 'body', { statistics: 500, storage: { mode: 'EXTERNAL', typeDefault: 'EXTENDED' } });
 */
export function setColumnAttributes(
  table: QualifiedName,
  column: string,
  changes: ColumnAttributeChanges,
): SetColumnAttributesOperation {
  return node({ kind: 'setColumnAttributes', table, column, changes });
}
