/**
 * Diff speed: two 5,000-table snapshots with 500 changes between them, diffed in-process.
 * Prints the median of 15 runs after 3 warm-up runs. Goal: under 200 ms.
 *
 *   pnpm --filter @justscale/diff bench
 */
import { performance } from 'node:perf_hooks';
import { builtinType, index, type Snapshot, snapshot, type Table, table } from '@justscale/schema';
import { diff } from '../src/index.js';

const TABLES = 5_000;
const CHANGES = 500;

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

function build(change: (i: number, t: Table) => Table | null): Snapshot {
  const tables: Table[] = [];
  const indexes = [];
  for (let i = 0; i < TABLES; i++) {
    const t = change(i, makeTable(i));
    if (t === null) continue;
    tables.push(t);
    indexes.push(
      index({ schema: t.schema, name: `t${i}_name_idx`, table: t.name, keys: [{ column: 'name' }] }),
    );
  }
  return snapshot({
    schemas: Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, comment: null })),
    tables,
    indexes,
  });
}

const current = build((_, t) => t);
// 500 changes spread over the tables: added columns, retyped columns, NOT NULL, comments, drops (of
// leaf-free tables, their FK dependants are changed accordingly is not needed: the last tables only).
const step = Math.floor(TABLES / CHANGES);
const desired = build((i, t) => {
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

// Wall time and this process's CPU time: on a shared, loaded machine the CPU time is the steadier figure.
const wall: number[] = [];
const cpu: number[] = [];
let statements = 0;
for (let r = 0; r < 18; r++) {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const plan = diff(current, desired);
  const used = process.cpuUsage(startCpu);
  const ms = performance.now() - start;
  statements = plan.statements.length;
  if (r >= 3) {
    wall.push(ms);
    cpu.push((used.user + used.system) / 1000);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
process.stdout.write(
  `diff of two ${TABLES}-table snapshots with ${CHANGES} changes (${statements} statements): ` +
    `median ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU over ${wall.length} runs (goal < 200 ms)\n`,
);
