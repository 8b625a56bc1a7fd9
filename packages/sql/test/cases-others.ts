import {
  alterPolicy,
  createFunction,
  createIndex,
  createPolicy,
  createTrigger,
  createView,
  dropFunction,
  dropIndex,
  dropPolicy,
  dropTrigger,
  dropView,
  index,
  refreshMaterializedView,
  renameFunction,
  renameIndex,
  renamePolicy,
  renameTrigger,
  renameView,
  routineRef,
  setForceRowSecurity,
  setIndexOptions,
  setRowSecurity,
} from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

export const otherCases: CaseFamily = (f) => {
  const { n, q, id, sql } = f;
  const users = q('users');
  const notes = q('notes');
  const countsIndex = index({
    ...q('user_counts_total'),
    table: n('user_counts'),
    unique: true,
    keys: [{ column: n('total') }],
  });
  const withCountsIndex = patch(f.snapshot, (s) => ({ indexes: [...s.indexes, countsIndex] }));
  const bodyIndex = (name: string, method: string, extra: Partial<Parameters<typeof index>[0]> = {}) =>
    createIndex(index({ ...q(name), table: n('notes'), method, keys: [{ column: n('body') }], ...extra }));
  return [
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
    {
      title: 'createFunction with every option, a body holding $body$',
      op: createFunction({
        ...f.add,
        ...q('sub'),
        volatility: 'STABLE',
        strict: true,
        securityDefiner: true,
        leakproof: true,
        parallel: 'SAFE',
        config: ['search_path=pg_catalog, pg_temp', 'work_mem=64MB'],
        body: `SELECT ${id('a')} - ${id('b')} -- $body$ $body1$ $$`,
        comment: 'Subtracts',
      }),
      present: [
        `routine ${n('sub')}(`,
        'STABLE PARALLEL SAFE STRICT SECURITY DEFINER LEAKPROOF',
        'SET search_path TO',
        'SET work_mem TO',
        '$body$ $body1$ $$',
        'comment=Subtracts',
      ],
    },
    {
      title: 'createFunction procedure',
      op: createFunction({
        ...f.touch,
        ...q('noop'),
        kind: 'procedure',
        returns: null,
        body: 'BEGIN NULL; END',
      }),
      present: [`routine ${n('noop')}() CREATE OR REPLACE PROCEDURE`],
    },
    {
      title: 'createFunction OR REPLACE',
      op: createFunction({ ...f.touch, body: 'BEGIN NEW := NEW; RETURN NEW; END' }, { orReplace: true }),
      present: ['BEGIN NEW := NEW; RETURN NEW; END'],
    },
    { title: 'dropFunction', op: dropFunction(routineRef(f.add)), absent: [`routine ${n('add')}(`] },
    {
      title: 'dropFunction IF EXISTS CASCADE',
      op: dropFunction(routineRef(f.touch), { ifExists: true, cascade: true }),
      absent: [`routine ${n('touch')}(`, `trigger ${n('users')}.${n('users_touch')} `],
      invert: 'irreversible',
    },
    {
      title: 'renameFunction',
      op: renameFunction(routineRef(f.add), n('plus')),
      present: [`routine ${n('plus')}(`],
    },
    {
      title: 'createTrigger AFTER several events with UPDATE OF and arguments',
      op: createTrigger({
        ...f.trigger,
        table: n('notes'),
        name: n('notes_audit'),
        timing: 'AFTER',
        events: ['INSERT', 'UPDATE', 'DELETE'],
        updateColumns: [n('body')],
        arguments: ["it's", 'a\\b'],
        comment: 'Audit',
      }),
      present: [
        `trigger ${n('notes')}.${n('notes_audit')} CREATE TRIGGER`,
        'AFTER INSERT OR DELETE OR UPDATE OF',
        'comment=Audit',
      ],
    },
    {
      title: 'createTrigger BEFORE UPDATE with WHEN',
      op: createTrigger({ ...f.trigger, name: n('users_changed'), when: '(old.* IS DISTINCT FROM new.*)' }),
      present: ['WHEN ((old.* IS DISTINCT FROM new.*))'],
    },
    {
      title: 'createTrigger FOR EACH STATEMENT on TRUNCATE',
      op: createTrigger({
        ...f.trigger,
        name: n('users_truncate'),
        timing: 'AFTER',
        events: ['TRUNCATE'],
        level: 'STATEMENT',
      }),
      present: ['AFTER TRUNCATE', 'FOR EACH STATEMENT'],
    },
    {
      title: 'createTrigger CONSTRAINT DEFERRABLE',
      op: createTrigger({
        ...f.trigger,
        name: n('users_check'),
        timing: 'AFTER',
        events: ['INSERT'],
        constraint: true,
        deferrable: true,
        initiallyDeferred: true,
      }),
      present: ['CREATE CONSTRAINT TRIGGER', 'DEFERRABLE INITIALLY DEFERRED'],
    },
    {
      title: 'createTrigger OR REPLACE',
      op: createTrigger({ ...f.trigger, timing: 'AFTER' }, { orReplace: true }),
      present: [`trigger ${n('users')}.${n('users_touch')} CREATE TRIGGER`, 'AFTER UPDATE'],
    },
    {
      title: 'dropTrigger',
      op: dropTrigger(users, n('users_touch')),
      absent: [`trigger ${n('users')}.${n('users_touch')} `],
    },
    {
      title: 'dropTrigger IF EXISTS of a missing trigger',
      op: dropTrigger(users, n('nothing'), { ifExists: true }),
      noChange: true,
    },
    {
      title: 'renameTrigger',
      op: renameTrigger(users, n('users_touch'), n('users_touched')),
      present: [`trigger ${n('users')}.${n('users_touched')} `],
    },
    {
      title: 'setRowSecurity ENABLE',
      op: setRowSecurity(notes, true),
      present: [`relation ${n('notes')} kind=r persistence=p rls=true`],
    },
    {
      title: 'setRowSecurity DISABLE',
      op: setRowSecurity(users, false),
      present: [`relation ${n('users')} kind=r persistence=p rls=false`],
    },
    {
      title: 'setForceRowSecurity FORCE',
      op: setForceRowSecurity(users, true),
      present: ['rls=true force=true'],
    },
    {
      title: 'setForceRowSecurity NO FORCE',
      setup: [setForceRowSecurity(users, true)],
      before: patch(f.snapshot, (s) => ({
        tables: s.tables.map((t) => (t.name === n('users') ? { ...t, forceRowSecurity: true } : t)),
      })),
      op: setForceRowSecurity(users, false),
      present: [`relation ${n('users')} kind=r persistence=p rls=true force=false`],
    },
    {
      title: 'createPolicy RESTRICTIVE SELECT for roles with a comment',
      op: createPolicy(notes, {
        name: n('readable'),
        permissive: false,
        command: 'SELECT',
        roles: ['pg_monitor', 'public'],
        using: `(${id('id')} > 0)`,
        withCheck: null,
        comment: 'Readable',
      }),
      present: [`policy ${n('notes')}.${n('readable')} RESTRICTIVE SELECT roles={`, 'comment=Readable'],
    },
    {
      title: 'createPolicy UPDATE with USING and WITH CHECK',
      op: createPolicy(notes, {
        name: n('editable'),
        permissive: true,
        command: 'UPDATE',
        roles: ['public'],
        using: 'true',
        withCheck: `(${id('body')} IS NOT NULL)`,
        comment: null,
      }),
      present: [`policy ${n('notes')}.${n('editable')} PERMISSIVE UPDATE roles={public} using=true check=(`],
    },
    {
      title: 'alterPolicy roles, USING and WITH CHECK',
      op: alterPolicy(users, n('own'), {
        roles: ['pg_monitor'],
        using: 'false',
        withCheck: `(${id('id')} > 0)`,
      }),
      present: [`policy ${n('users')}.${n('own')} PERMISSIVE ALL roles={pg_monitor} using=false check=(`],
    },
    { title: 'dropPolicy', op: dropPolicy(users, n('own')), absent: [`policy ${n('users')}.${n('own')} `] },
    {
      title: 'dropPolicy IF EXISTS of a missing policy',
      op: dropPolicy(users, n('nothing'), { ifExists: true }),
      noChange: true,
    },
    {
      title: 'renamePolicy',
      op: renamePolicy(users, n('own'), n('mine')),
      present: [`policy ${n('users')}.${n('mine')} `],
    },
  ];
};
