import { builtinType, index, type Snapshot, snapshot, type Table, table } from '@justscale/schema';

function makeTable(i: number): Table {
  return table({
    schema: `s${i % 10}`,
    name: `t${i}`,
    columns: [
      { name: 'id', type: builtinType('bigint'), notNull: true },
      { name: 'name', type: builtinType('text'), notNull: true },
      { name: 'email', type: builtinType('character varying(200)') },
      { name: 'amount', type: builtinType('numeric(12,2)'), default: '0' },
      { name: 'created_at', type: builtinType('timestamp with time zone'), notNull: true, default: 'now()' },
      { name: 'ref', type: builtinType('bigint') },
    ],
    constraints: [
      {
        kind: 'primaryKey',
        name: `t${i}_pkey`,
        columns: ['id'],
        include: [],
        deferrable: false,
        initiallyDeferred: false,
        comment: null,
      },
      ...(i > 0
        ? [
            {
              kind: 'foreignKey' as const,
              name: `t${i}_ref_fkey`,
              columns: ['ref'],
              references: { table: { schema: `s${(i - 1) % 10}`, name: `t${i - 1}` }, columns: ['id'] },
              match: 'SIMPLE' as const,
              onDelete: 'NO ACTION' as const,
              onUpdate: 'NO ACTION' as const,
              onDeleteColumns: null,
              deferrable: false,
              initiallyDeferred: false,
              comment: null,
            },
          ]
        : []),
    ],
    comment: `table ${i}`,
  });
}

function build(tables: number, change: (i: number, t: Table) => Table): Snapshot {
  const out: Table[] = [];
  const indexes = [];
  for (let i = 0; i < tables; i++) {
    const t = change(i, makeTable(i));
    out.push(t);
    indexes.push(
      index({ schema: t.schema, name: `t${i}_name_idx`, table: t.name, keys: [{ column: 'name' }] }),
    );
  }
  return snapshot({
    schemas: Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, comment: null })),
    tables: out,
    indexes,
  });
}

/**
 * Two snapshots of `tables` tables with `changes` changes between them (added, retyped and
 * NOT NULL columns, comments), as in packages/diff/bench.
 *
 * @example
 * const { current, desired } = diffSnapshots(5000, 500);
 */
export function diffSnapshots(tables: number, changes: number): { current: Snapshot; desired: Snapshot } {
  const step = Math.max(1, Math.floor(tables / changes));
  const desired = build(tables, (i, t) => {
    if (i % step !== 0) return t;
    switch ((i / step) % 4) {
      case 0:
        return {
          ...t,
          columns: [
            ...t.columns,
            { ...t.columns[1], name: 'extra', notNull: false, default: null } as Table['columns'][number],
          ],
        };
      case 1:
        return {
          ...t,
          columns: t.columns.map((c) => (c.name === 'email' ? { ...c, type: builtinType('text') } : c)),
        };
      case 2:
        return { ...t, columns: t.columns.map((c) => (c.name === 'ref' ? { ...c, notNull: true } : c)) };
      default:
        return { ...t, comment: 'changed' };
    }
  });
  return { current: build(tables, (_, t) => t), desired };
}
