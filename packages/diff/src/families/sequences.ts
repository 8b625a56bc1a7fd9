import {
  alterSequence,
  createSequence,
  dropSequence,
  type Sequence,
  type SequenceChanges,
  setComment,
} from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { qkey, same, tkey } from '../util.js';
import { diffSequencePersistence } from './sequence-persistence.js';

const OPTIONS = ['type', 'start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle'] as const;

/**
 * Sequences: created before the tables whose defaults use them, owned (`OWNED BY`) once the tables
 * exist, dropped at the end. A sequence owned by a column the plan drops goes with it.
 */
export function diffSequences(b: Builder): void {
  const cur = new Map(b.current.sequences.map((s) => [qkey(s), s]));
  const des = new Map(b.desired.sequences.map((s) => [qkey(s), s]));
  const ownerGone = (s: Sequence): boolean =>
    s.ownedBy !== null &&
    (b.droppedTables.has(qkey(s.ownedBy.table)) ||
      b.droppedColumns.has(tkey(s.ownedBy.table, s.ownedBy.column)));
  for (const d of b.desired.sequences) {
    const c = cur.get(qkey(d));
    if (c === undefined) {
      b.add(Phase.sequences, createSequence({ ...d, ownedBy: null }));
      if (d.ownedBy !== null) b.add(Phase.sequenceOwnership, alterSequence(d, { ownedBy: d.ownedBy }));
      continue;
    }
    const changes: Record<string, unknown> = {};
    for (const k of OPTIONS) if (c[k] !== d[k]) changes[k] = d[k];
    if (Object.keys(changes).length > 0) b.add(Phase.sequences, alterSequence(d, changes as SequenceChanges));
    diffSequencePersistence(b, c, d);
    const gone = ownerGone(c);
    if (gone) b.add(Phase.disownSequences, alterSequence(d, { ownedBy: null }));
    // Disowned so that its table's recreation does not drop it: owned again once the table is back.
    const own = d.ownedBy !== null ? gone || !same(c.ownedBy, d.ownedBy) : c.ownedBy !== null && !gone;
    if (own) b.add(Phase.sequenceOwnership, alterSequence(d, { ownedBy: d.ownedBy }));
    if (c.comment !== d.comment)
      b.add(Phase.comments, setComment({ objectKind: 'sequence', object: d }, d.comment));
  }
  for (const c of b.current.sequences) {
    if (!des.has(qkey(c)) && !ownerGone(c)) b.add(Phase.dropSequences, dropSequence(c));
  }
}
