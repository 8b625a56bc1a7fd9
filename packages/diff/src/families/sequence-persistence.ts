import { alterSequence, type Sequence } from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { qkey } from '../util.js';

/**
 * A kept sequence's persistence (`SET LOGGED` / `SET UNLOGGED`, PostgreSQL 15+). PostgreSQL sets the
 * sequences a table owns to the table's persistence when `ALTER TABLE ... SET LOGGED / UNLOGGED`
 * runs: such a sequence starts from its table's new persistence, and is altered after the table
 * when it must differ from it.
 */
export function diffSequencePersistence(b: Builder, c: Sequence, d: Sequence): void {
  const want = d.unlogged === true;
  const table = c.ownedBy?.table;
  const owner = table === undefined ? undefined : b.current.tables.find((t) => qkey(t) === qkey(table));
  const next = owner === undefined ? undefined : b.desired.tables.find((t) => qkey(t) === qkey(owner));
  const flipped = owner !== undefined && next !== undefined && owner.unlogged !== next.unlogged;
  if (flipped) {
    if (next.unlogged !== want) b.add(Phase.sequenceOwnership, alterSequence(d, { unlogged: want }));
    return;
  }
  if ((c.unlogged === true) !== want) b.add(Phase.sequences, alterSequence(d, { unlogged: want }));
}
