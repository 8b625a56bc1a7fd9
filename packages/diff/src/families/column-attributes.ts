import { type Column, type ColumnAttributeChanges, setColumnAttributes, type Table } from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { same } from '../util.js';

const atDefault = (c: Column) => c.storage === undefined || c.storage.mode === c.storage.typeDefault;

/**
 * A kept column's statistics target, storage and compression (`c` as the database has it, `d` as
 * wanted), altered in place after any type change. `ALTER COLUMN ... TYPE` sets the storage to the
 * new type's and the compression to the default, and keeps the statistics target: a retyped column
 * starts from there.
 */
export function diffColumnAttributes(b: Builder, t: Table, c: Column, d: Column, retyped: boolean): void {
  const changes: { -readonly [K in keyof ColumnAttributeChanges]: ColumnAttributeChanges[K] } = {};
  const stats = (x: Column) => (x.statistics === undefined || x.statistics === -1 ? null : x.statistics);
  if (stats(c) !== stats(d)) changes.statistics = stats(d);
  const from = retyped || atDefault(c) ? null : (c.storage ?? null);
  const to = atDefault(d) ? null : (d.storage ?? null);
  if (to !== null && !same(from, to)) changes.storage = to;
  // Back to the type's mode: the one PostgreSQL records with the mode being left.
  else if (to === null && from !== null)
    changes.storage = { mode: from.typeDefault, typeDefault: from.typeDefault };
  const compression = retyped ? null : (c.compression ?? null);
  if (compression !== (d.compression ?? null)) changes.compression = d.compression ?? null;
  if (Object.keys(changes).length > 0) b.add(Phase.alterTables, setColumnAttributes(t, d.name, changes));
}
