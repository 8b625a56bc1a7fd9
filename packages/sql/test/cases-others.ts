import {
  attachIndex,
  createIndex,
  createView,
  dropIndex,
  dropView,
  index,
  refreshMaterializedView,
  renameIndex,
  renameView,
  setIndexOptions,
} from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

export const otherCases: CaseFamily = (f) => {
  const { n, q, id, sql } = f;
  const countsIndex = index({
    ...q('user_counts_total'),
    table: n('user_counts'),
    unique: true,
    keys: [{ column: n('total') }],
  });
  const withCountsIndex = patch(f.snapshot, (s) => ({ indexes: [...s.indexes, countsIndex] }));
  const bodyIndex = (name: string, method: string, extra: Partial<Parameters<typeof index>[0]> = {}) =>
    createIndex(index({ ...q(name), table: n('notes'), method, keys: [{ column: n('body') }], ...extra }));
  const eventsIndex = index({ ...q('events_id_idx'), table: n('events'), keys: [{ column: n('id') }] });
  const events2024Index = index({
    ...q('events_2024_id_idx'),
    table: n('events_2024'),
    keys: [{ column: n('id') }],
  });
  return [
    {
      title: 'createIndex ON ONLY a partitioned table (invalid until its partitions are attached)',
      op: createIndex(eventsIndex, { only: true }),
      present: [
        `index ${n('events_id_idx')} CREATE INDEX`,
        ' ON ONLY ',
        `indexflags ${n('events_id_idx')} clustered=false replident=false valid=false`,
      ],
    },
    {
      title: 'attachIndex: the last partition index attached makes the parent index valid',
      setup: [createIndex(eventsIndex, { only: true }), createIndex(events2024Index)],
      before: patch(f.snapshot, (s) => ({ indexes: [...s.indexes, eventsIndex, events2024Index] })),
      op: attachIndex(q('events_id_idx'), q('events_2024_id_idx')),
      present: [`indexflags ${n('events_id_idx')} clustered=false replident=false valid=true`],
      invert: 'irreversible',
    },
    {
      title: 'createIndex with every key option, INCLUDE, WITH, WHERE, comment',
      op: createIndex(
        index({
          ...q('users_multi_idx'),
          table: n('users'),
          keys: [
            {
              column: n('email'),
              descending: true,
              nullsFirst: false,
              collation: { schema: 'pg_catalog', name: 'C' },
            },
            {
              expression: `lower(${id('email')})`,
              opclass: { schema: 'pg_catalog', name: 'text_pattern_ops' },
            },
            { column: n('team_id'), nullsFirst: true },
          ],
          include: [n('status')],
          where: `(${id('team_id')} > 0)`,
          options: { fillfactor: '80' },
          comment: 'Multi',
        }),
      ),
      present: [
        `index ${n('users_multi_idx')} CREATE INDEX`,
        ' DESC NULLS LAST',
        'text_pattern_ops',
        'NULLS FIRST',
        'INCLUDE (',
        'fillfactor',
        ' WHERE ',
        'comment=Multi',
      ],
    },
    {
      title: 'createIndex UNIQUE NULLS NOT DISTINCT',
      op: createIndex(
        index({
          ...q('notes_body_uidx'),
          table: n('notes'),
          unique: true,
          nullsNotDistinct: true,
          keys: [{ column: n('body') }],
        }),
      ),
      present: [`index ${n('notes_body_uidx')} CREATE UNIQUE INDEX`, 'NULLS NOT DISTINCT'],
    },
    { title: 'createIndex USING hash', op: bodyIndex('notes_hash_idx', 'hash'), present: ['USING hash'] },
    {
      title: 'createIndex USING spgist',
      op: bodyIndex('notes_spgist_idx', 'spgist'),
      present: ['USING spgist'],
    },
    {
      title: 'createIndex USING brin WITH options',
      op: createIndex(
        index({
          ...q('notes_brin_idx'),
          table: n('notes'),
          method: 'brin',
          keys: [{ column: n('id') }],
          options: { pages_per_range: '16' },
        }),
      ),
      present: ['USING brin', 'pages_per_range=16'],
    },
    {
      title: 'createIndex USING gin on an expression',
      op: createIndex(
        index({
          ...q('notes_gin_idx'),
          table: n('notes'),
          method: 'gin',
          keys: [{ expression: `to_tsvector('simple'::regconfig, ${id('body')})` }],
        }),
      ),
      present: ['USING gin (to_tsvector('],
    },
    {
      title: 'createIndex USING gist on an expression',
      op: createIndex(
        index({
          ...q('notes_gist_idx'),
          table: n('notes'),
          method: 'gist',
          keys: [{ expression: `to_tsvector('simple'::regconfig, ${id('body')})` }],
        }),
      ),
      present: ['USING gist (to_tsvector('],
    },
    {
      title: 'createIndex CONCURRENTLY',
      op: createIndex(index({ ...q('notes_conc_idx'), table: n('notes'), keys: [{ column: n('body') }] }), {
        concurrently: true,
      }),
      present: [`index ${n('notes_conc_idx')} CREATE INDEX`],
    },
    {
      title: 'createIndex IF NOT EXISTS on an existing index',
      op: createIndex(f.emailIndex, { ifNotExists: true }),
      noChange: true,
    },
    {
      title: 'createIndex on a materialized view',
      op: createIndex(countsIndex),
      present: [`index ${n('user_counts_total')} CREATE UNIQUE INDEX`],
    },
    { title: 'dropIndex', op: dropIndex(q('users_email_idx')), absent: [`index ${n('users_email_idx')} `] },
    {
      title: 'dropIndex CONCURRENTLY IF EXISTS',
      op: dropIndex(q('users_email_idx'), { concurrently: true, ifExists: true }),
      absent: [`index ${n('users_email_idx')} `],
    },
    {
      title: 'dropIndex of a materialized view index',
      setup: [createIndex(countsIndex)],
      before: withCountsIndex,
      op: dropIndex(q('user_counts_total')),
      absent: [`index ${n('user_counts_total')} `],
    },
    {
      title: 'renameIndex',
      op: renameIndex(q('notes_id_idx'), n('notes_by_id')),
      present: [`index ${n('notes_by_id')} `],
    },
    {
      title: 'setIndexOptions',
      op: setIndexOptions(q('notes_id_idx'), { set: { fillfactor: '50' } }),
      present: [
        `relation ${n('notes_id_idx')} kind=i persistence=p rls=false force=false options={fillfactor=50}`,
      ],
    },
    {
      title: 'createView with columns, options, check option and comments',
      op: createView({
        ...q('team_users'),
        materialized: false,
        definition: `SELECT ${id('id')}, ${id('team_id')} FROM ${sql('users')} WHERE ${id('team_id')} > 0;`,
        columns: [n('uid'), n('tid')],
        checkOption: 'CASCADED',
        securityBarrier: true,
        securityInvoker: true,
        columnComments: { [n('uid')]: 'User' },
        comment: 'Team users',
      }),
      present: [
        `relation ${n('team_users')} kind=v persistence=p rls=false force=false options={`,
        'check_option=cascaded',
        'security_barrier=true',
        'security_invoker=true',
        '} partkey= bound= inherits= comment=Team users',
        `column ${n('team_users')}.${n('uid')} integer notnull=false identity= generated= default= collation= comment=User`,
      ],
    },
    {
      title: 'createView OR REPLACE adding a column',
      op: createView(
        {
          ...f.view,
          definition: `SELECT ${id('id')}, ${id('email')}, ${id('team_id')} FROM ${sql('users')}`,
        },
        { orReplace: true },
      ),
      present: [`column ${n('active_users')}.${n('team_id')} integer`],
    },
    {
      title: 'createView materialized WITH NO DATA',
      op: createView(
        {
          ...f.matview,
          ...q('note_counts'),
          definition: `SELECT count(*) AS total FROM ${sql('notes')}`,
          comment: 'Counts',
        },
        { withData: false },
      ),
      present: [
        `view ${n('note_counts')} `,
        'populated=false',
        `relation ${n('note_counts')} kind=m persistence=p rls=false force=false options= partkey= bound= inherits= comment=Counts`,
      ],
    },
    { title: 'dropView', op: dropView(q('active_users')), absent: [`relation ${n('active_users')} `] },
    {
      title: 'dropView materialized, with its index',
      setup: [createIndex(countsIndex)],
      before: withCountsIndex,
      op: dropView(q('user_counts'), { materialized: true }),
      absent: [`relation ${n('user_counts')} `, `index ${n('user_counts_total')} `],
    },
    {
      title: 'dropView IF EXISTS CASCADE',
      op: dropView(q('active_users'), { ifExists: true, cascade: true }),
      absent: [`relation ${n('active_users')} `],
      invert: 'irreversible',
    },
    {
      title: 'renameView',
      op: renameView(q('active_users'), n('people')),
      present: [`relation ${n('people')} kind=v`],
    },
    {
      title: 'renameView materialized',
      op: renameView(q('user_counts'), n('tallies'), { materialized: true }),
      present: [`relation ${n('tallies')} kind=m`],
    },
    {
      title: 'refreshMaterializedView WITH NO DATA',
      op: refreshMaterializedView(q('user_counts'), { withData: false }),
      present: [`view ${n('user_counts')} `, 'populated=false'],
      invert: 'none',
    },
    {
      title: 'refreshMaterializedView CONCURRENTLY',
      setup: [createIndex(countsIndex)],
      before: withCountsIndex,
      op: refreshMaterializedView(q('user_counts'), { concurrently: true }),
      noChange: true,
      invert: 'none',
    },
  ];
};
