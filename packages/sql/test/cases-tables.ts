import {
  addColumn,
  addInherit,
  attachPartition,
  builtinType,
  column,
  createTable,
  defaultSequenceOptions,
  detachPartition,
  dropInherit,
  dropTable,
  renameTable,
  setTableLogged,
  setTableOptions,
  table,
  userType,
} from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

export const tableCases: CaseFamily = (f) => {
  const { n, q, id, schema } = f;
  const int = builtinType('integer');
  const text = builtinType('text');
  const noDefer = { deferrable: false, initiallyDeferred: false, comment: null } as const;
  const events2025 = table({
    ...q('events_2025'),
    columns: [
      { name: n('id'), type: int },
      { name: n('at'), type: builtinType('date') },
    ],
  });
  const child = table({
    ...q('child_notes'),
    columns: [
      { name: n('id'), type: int, notNull: true },
      { name: n('body'), type: text },
      { name: n('extra'), type: text },
    ],
    inherits: [q('notes')],
  });
  const standalone = table({ ...child, inherits: [] });
  return [
    {
      title: 'createTable with identity, generated, collation, defaults, constraints, options, comment',
      op: createTable(
        table({
          ...q('audit'),
          unlogged: true,
          columns: [
            column({
              name: n('id'),
              type: builtinType('bigint'),
              notNull: true,
              identity: {
                generation: 'BY DEFAULT',
                sequence: {
                  name: n('audit_id_seq'),
                  ...defaultSequenceOptions('bigint'),
                  start: '10',
                  increment: '2',
                },
              },
            }),
            column({ name: n('payload'), type: builtinType('jsonb'), notNull: true, default: "'{}'::jsonb" }),
            column({
              name: n('code'),
              type: text,
              collation: { schema: 'pg_catalog', name: 'C' },
              comment: 'Code',
            }),
            column({ name: n('amount'), type: builtinType('numeric(10,2)') }),
            column({
              name: n('doubled'),
              type: builtinType('numeric'),
              generated: `(${id('amount')} * (2)::numeric)`,
            }),
            column({ name: n('tags'), type: builtinType('text', true) }),
            column({ name: n('state'), type: userType(schema, n('status'), { array: true }) }),
          ],
          constraints: [
            {
              kind: 'primaryKey',
              name: n('audit_pkey'),
              columns: [n('id')],
              include: [n('code')],
              ...noDefer,
            },
            {
              kind: 'unique',
              name: n('audit_code_key'),
              columns: [n('code')],
              include: [],
              nullsNotDistinct: true,
              deferrable: true,
              initiallyDeferred: true,
              comment: 'Codes are unique',
            },
            {
              kind: 'check',
              name: n('audit_amount_check'),
              expression: `(${id('amount')} > (0)::numeric)`,
              noInherit: true,
              ...noDefer,
            },
          ],
          options: { fillfactor: '70', autovacuum_enabled: 'false' },
          comment: 'Audit log',
        }),
      ),
      present: [
        `relation ${n('audit')} kind=r persistence=u rls=false force=false options={fillfactor=70,autovacuum_enabled=false} partkey= bound= inherits= comment=Audit log`,
        `column ${n('audit')}.${n('id')} bigint notnull=true identity=d`,
        `column ${n('audit')}.${n('payload')} jsonb notnull=true identity= generated= default='{}'::jsonb`,
        `column ${n('audit')}.${n('code')} text notnull=false identity= generated= default= collation=C comment=Code`,
        `column ${n('audit')}.${n('doubled')} numeric notnull=false identity= generated=s`,
        `column ${n('audit')}.${n('tags')} text[] `,
        `sequence ${n('audit_id_seq')} bigint start=10 inc=2`,
        'UNIQUE NULLS NOT DISTINCT',
        'DEFERRABLE INITIALLY DEFERRED validated=true comment=Codes are unique',
        'NO INHERIT',
        'INCLUDE',
      ],
    },
    {
      title: 'createTable with foreign key and exclusion constraints',
      op: createTable(
        table({
          ...q('memberships'),
          columns: [
            { name: n('team_id'), type: int },
            { name: n('user_id'), type: int },
          ],
          constraints: [
            {
              kind: 'foreignKey',
              name: n('memberships_team_fkey'),
              columns: [n('team_id')],
              references: { table: q('teams'), columns: [n('id')] },
              match: 'FULL',
              onDelete: 'SET NULL',
              onUpdate: 'CASCADE',
              onDeleteColumns: [n('team_id')],
              deferrable: true,
              initiallyDeferred: true,
              comment: 'The team',
            },
            {
              kind: 'exclusion',
              name: n('memberships_user_excl'),
              definition: `EXCLUDE USING btree (${id('user_id')} WITH =)`,
              ...noDefer,
            },
          ],
        }),
      ),
      present: [
        'MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL',
        'DEFERRABLE INITIALLY DEFERRED validated=true comment=The team',
        'EXCLUDE USING btree',
      ],
    },
    {
      title: 'createTable with NOT VALID check and foreign key (added after, left unvalidated)',
      op: createTable(
        table({
          ...q('ledger'),
          columns: [
            { name: n('team_id'), type: int },
            { name: n('amount'), type: int },
          ],
          constraints: [
            {
              kind: 'check',
              name: n('ledger_amount_check'),
              expression: `(${id('amount')} > 0)`,
              noInherit: false,
              notValid: true,
              ...noDefer,
              comment: 'Old rows unchecked',
            },
            {
              kind: 'foreignKey',
              name: n('ledger_team_fkey'),
              columns: [n('team_id')],
              references: { table: q('teams'), columns: [n('id')] },
              match: 'SIMPLE',
              onDelete: 'NO ACTION',
              onUpdate: 'NO ACTION',
              onDeleteColumns: null,
              notValid: true,
              ...noDefer,
              comment: 'FK unchecked',
            },
          ],
        }),
      ),
      present: [
        `> 0)) NOT VALID validated=false comment=Old rows unchecked`,
        `${n('ledger_team_fkey')} FOREIGN KEY (`,
        'NOT VALID validated=false comment=FK unchecked',
      ],
    },
    {
      title: 'createTable INHERITS',
      op: createTable(child),
      present: [
        `relation ${n('child_notes')} kind=r persistence=p rls=false force=false options= partkey= bound= inherits=${n('notes')} `,
      ],
    },
    {
      title: 'createTable PARTITION OF a range-partitioned table',
      op: createTable(
        table({
          ...events2025,
          partitionOf: { parent: q('events'), bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')" },
        }),
      ),
      present: [`bound=FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') inherits=${n('events')} `],
    },
    {
      title: 'createTable PARTITION OF DEFAULT',
      op: createTable(table({ ...events2025, partitionOf: { parent: q('events'), bound: 'DEFAULT' } })),
      present: [
        `relation ${n('events_2025')} kind=r persistence=p rls=false force=false options= partkey= bound=DEFAULT `,
      ],
    },
    {
      title: 'createTable PARTITION BY LIST',
      op: createTable(
        table({
          ...q('regions'),
          columns: [{ name: n('code'), type: text }],
          partitionBy: `LIST (${id('code')})`,
        }),
      ),
      present: [`relation ${n('regions')} kind=p `, 'partkey=LIST ('],
    },
    {
      title: 'createTable PARTITION BY HASH',
      op: createTable(
        table({ ...q('shards'), columns: [{ name: n('id'), type: int }], partitionBy: `HASH (${id('id')})` }),
      ),
      present: [`relation ${n('shards')} kind=p `, 'partkey=HASH ('],
    },
    {
      title: 'createTable with row-level security forced and policies',
      op: createTable(
        table({
          ...q('secrets'),
          columns: [{ name: n('owner'), type: text }],
          rowSecurity: true,
          forceRowSecurity: true,
          policies: [
            {
              name: n('mine'),
              permissive: false,
              command: 'INSERT',
              roles: ['pg_monitor'],
              using: null,
              withCheck: `(${id('owner')} = CURRENT_USER)`,
              comment: 'Only mine',
            },
          ],
        }),
      ),
      present: [
        `relation ${n('secrets')} kind=r persistence=p rls=true force=true `,
        `policy ${n('secrets')}.${n('mine')} RESTRICTIVE INSERT roles={pg_monitor} using= check=`,
        'comment=Only mine',
      ],
    },
    {
      title: 'createTable IF NOT EXISTS on an existing table',
      op: createTable(f.notes, { ifNotExists: true }),
      noChange: true,
    },
    {
      title: 'createTable with no columns',
      op: createTable(table({ ...q('empty') })),
      present: [`relation ${n('empty')} kind=r `],
    },
    {
      title: 'dropTable',
      op: dropTable(q('notes')),
      absent: [`relation ${n('notes')} `, `index ${n('notes_id_idx')} `],
    },
    {
      title: 'dropTable of a partitioned table',
      op: dropTable(q('events')),
      absent: [`relation ${n('events')} `, `relation ${n('events_2024')} `],
    },
    {
      title: 'dropTable IF EXISTS CASCADE',
      op: dropTable(q('users'), { ifExists: true, cascade: true }),
      absent: [`relation ${n('users')} `, `relation ${n('active_users')} `],
      invert: 'irreversible',
    },
    {
      title: 'renameTable',
      op: renameTable(q('notes'), n('memos')),
      present: [`relation ${n('memos')} kind=r`],
      absent: [`relation ${n('notes')} `],
    },
    {
      title: 'setTableLogged UNLOGGED',
      op: setTableLogged(q('notes'), true),
      present: [`relation ${n('notes')} kind=r persistence=u`],
    },
    {
      title: 'setTableLogged LOGGED',
      setup: [setTableLogged(q('notes'), true)],
      before: patch(f.snapshot, (s) => ({
        tables: s.tables.map((t) => (t.name === n('notes') ? { ...t, unlogged: true } : t)),
      })),
      op: setTableLogged(q('notes'), false),
      present: [`relation ${n('notes')} kind=r persistence=p`],
    },
    {
      title: 'setTableOptions SET',
      op: setTableOptions(q('notes'), { set: { fillfactor: '70', 'toast.autovacuum_enabled': 'false' } }),
      present: [`relation ${n('notes')} kind=r persistence=p rls=false force=false options={fillfactor=70}`],
    },
    {
      title: 'setTableOptions RESET',
      setup: [setTableOptions(q('notes'), { set: { fillfactor: '70' } })],
      before: patch(f.snapshot, (s) => ({
        tables: s.tables.map((t) => (t.name === n('notes') ? { ...t, options: { fillfactor: '70' } } : t)),
      })),
      op: setTableOptions(q('notes'), { reset: ['fillfactor'] }),
      present: [`relation ${n('notes')} kind=r persistence=p rls=false force=false options= `],
    },
    {
      title: 'attachPartition',
      setup: [createTable(events2025)],
      op: attachPartition(q('events'), q('events_2025'), "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"),
      present: [`bound=FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') inherits=${n('events')} `],
    },
    {
      title: 'detachPartition',
      op: detachPartition(q('events'), q('events_2024')),
      present: [
        `relation ${n('events_2024')} kind=r persistence=p rls=false force=false options= partkey= bound= inherits= `,
      ],
    },
    {
      title: 'detachPartition CONCURRENTLY',
      op: detachPartition(q('events'), q('events_2024'), { concurrently: true }),
      // DETACH CONCURRENTLY leaves a CHECK copying the partition bound on the detached table.
      inverseLeaves: [`constraint ${n('events_2024')}.`],
      present: [
        `relation ${n('events_2024')} kind=r persistence=p rls=false force=false options= partkey= bound= inherits= `,
      ],
    },
    {
      title: 'addInherit',
      setup: [createTable(standalone)],
      op: addInherit(q('child_notes'), q('notes')),
      present: [
        `relation ${n('child_notes')} kind=r persistence=p rls=false force=false options= partkey= bound= inherits=${n('notes')} `,
      ],
    },
    {
      title: 'dropInherit',
      setup: [createTable(child)],
      op: dropInherit(q('child_notes'), q('notes')),
      present: [
        `relation ${n('child_notes')} kind=r persistence=p rls=false force=false options= partkey= bound= inherits= `,
      ],
    },
    {
      title: 'addColumn IF NOT EXISTS on an existing column',
      op: addColumn(q('users'), f.users.columns[1]!, { ifNotExists: true }),
      noChange: true,
    },
  ];
};
