import { dropColumnNotNull, setColumnNotNull, type Table } from '@justscale/schema';
import { type Builder, Phase, type PhaseNumber } from '../context.js';
import { qkey } from '../util.js';
import { setNotNull } from './columns.js';
import { NEW_TABLE } from './inheritance.js';

/**
 * A partition's own NOT NULL: a partition takes its columns from its parent, but may make one the
 * parent leaves nullable NOT NULL (`PARTITION OF p (col NOT NULL)`, or a key of its own). The
 * compiled `CREATE TABLE ... PARTITION OF` lists no columns, so a new partition gets it with
 * `SET NOT NULL` after it is created (a column its own primary key covers gets it from the key).
 * On a partition that stays, it follows the parent: PostgreSQL applies a parent's `SET` or `DROP
 * NOT NULL` to its partitions, and refuses `DROP NOT NULL` on a partition while the parent has it.
 */
export function partitionNotNull(b: Builder, c: Table | null, d: Table, phase: PhaseNumber): void {
  if (d.partitionOf === null) return;
  const parentOf = (s: Builder['desired'], t: Table) => {
    const of = t.partitionOf;
    return of === null ? undefined : s.tables.find((x) => qkey(x) === qkey(of.parent));
  };
  const after = parentOf(b.desired, d);
  if (after === undefined) return;
  const before = c === null ? undefined : parentOf(b.current, c);
  const keyed = new Set(d.constraints.flatMap((k) => (k.kind === 'primaryKey' ? k.columns : [])));
  for (const col of d.columns) {
    const parentAfter = after.columns.find((x) => x.name === col.name);
    if (parentAfter === undefined || parentAfter.notNull) continue;
    const had = c?.columns.find((x) => x.name === col.name);
    if (c === null || had === undefined) {
      if (col.notNull && !keyed.has(col.name)) b.add(phase, setColumnNotNull(d, col.name), NEW_TABLE);
      continue;
    }
    // What the partition has once the parent's own change reached it.
    const parentBefore = before?.columns.find((x) => x.name === col.name);
    const has = had.notNull && !(parentBefore?.notNull === true);
    if (!has && col.notNull) setNotNull(b, d, col.name);
    if (has && !col.notNull) b.add(Phase.alterTables, dropColumnNotNull(d, col.name));
  }
}
