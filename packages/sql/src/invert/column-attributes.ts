import {
  type ColumnAttributeChanges,
  type Operation,
  type SetColumnAttributesOperation,
  type Snapshot,
  setColumnAttributes,
} from '@justscale/schema';
import { IrreversibleOperationError } from '../errors.js';
import { findColumn } from './lookup.js';

/** The attributes the column had before, for each one the operation changes. */
export function invertSetColumnAttributes(op: SetColumnAttributesOperation, before: Snapshot): Operation[] {
  const c = findColumn(before, op.table, op.column);
  if (c === undefined)
    throw new IrreversibleOperationError(op, 'the column is not in the snapshot before the change');
  const { statistics, storage, compression } = op.changes;
  const back: ColumnAttributeChanges = {
    ...(statistics !== undefined ? { statistics: c.statistics ?? null } : {}),
    // A column at its type's default has no `storage`: the mode to write back is the type's own.
    ...(storage !== undefined
      ? { storage: c.storage ?? { mode: storage.typeDefault, typeDefault: storage.typeDefault } }
      : {}),
    ...(compression !== undefined ? { compression: c.compression ?? null } : {}),
  };
  return [setColumnAttributes(op.table, op.column, back)];
}
