import {
  type CommentTarget,
  createExtension,
  type Grant,
  grant,
  raw,
  revoke,
  routineRef,
  setComment,
} from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

export const miscCases: CaseFamily = (f) => {
  const { n, q, id, sql, schema } = f;
  const users = q('users');
  const targets: { label: string; target: CommentTarget; line: string }[] = [
    { label: 'schema', target: { objectKind: 'schema', name: schema }, line: `schema ${schema} comment=` },
    { label: 'table', target: { objectKind: 'table', object: users }, line: `relation ${n('users')} kind=r` },
    {
      label: 'view',
      target: { objectKind: 'view', object: q('active_users') },
      line: `relation ${n('active_users')} kind=v`,
    },
    {
      label: 'materialized view',
      target: { objectKind: 'materializedView', object: q('user_counts') },
      line: `relation ${n('user_counts')} kind=m`,
    },
    {
      label: 'sequence',
      target: { objectKind: 'sequence', object: q('counter') },
      line: `relation ${n('counter')} kind=S`,
    },
    {
      label: 'index',
      target: { objectKind: 'index', object: q('users_email_idx') },
      line: `relation ${n('users_email_idx')} kind=i`,
    },
    { label: 'type', target: { objectKind: 'type', object: q('status') }, line: `type ${n('status')} ` },
    {
      label: 'domain',
      target: { objectKind: 'domain', object: q('positive') },
      line: `type ${n('positive')} `,
    },
    {
      label: 'column',
      target: { objectKind: 'column', table: users, column: n('email') },
      line: `column ${n('users')}.${n('email')} `,
    },
    {
      label: 'view column',
      target: { objectKind: 'column', table: q('active_users'), column: n('email') },
      line: `column ${n('active_users')}.${n('email')} `,
    },
    {
      label: 'constraint',
      target: { objectKind: 'constraint', table: users, name: n('users_team_check') },
      line: `constraint ${n('users')}.${n('users_team_check')} `,
    },
    {
      label: 'trigger',
      target: { objectKind: 'trigger', table: users, name: n('users_touch') },
      line: `trigger ${n('users')}.${n('users_touch')} `,
    },
    {
      label: 'policy',
      target: { objectKind: 'policy', table: users, name: n('own') },
      line: `policy ${n('users')}.${n('own')} `,
    },
    {
      label: 'function',
      target: { objectKind: 'routine', routine: routineRef(f.add) },
      line: `routine ${n('add')}(`,
    },
  ];
  const text = "it's a \\ comment";
  const tableGrant: Grant = {
    objectKind: 'table',
    object: users,
    grantee: 'pg_monitor',
    privileges: ['INSERT', 'SELECT'],
    grantable: true,
  };
  const schemaGrant: Grant = {
    objectKind: 'schema',
    object: { schema, name: schema },
    grantee: 'public',
    privileges: ['USAGE'],
    grantable: false,
  };
  const sequenceGrant: Grant = {
    objectKind: 'sequence',
    object: q('counter'),
    grantee: 'pg_monitor',
    privileges: ['SELECT', 'USAGE'],
    grantable: false,
  };
  const functionGrant: Grant = {
    objectKind: 'function',
    object: { ...q('add'), arguments: f.add.identityArguments },
    grantee: 'pg_monitor',
    privileges: ['EXECUTE'],
    grantable: false,
  };
  const withGrant = (g: Grant) => patch(f.snapshot, () => ({ grants: [g] }));
  return [
    ...targets.map(({ label, target, line }) => ({
      title: `setComment on a ${label}`,
      op: setComment(target, text),
      present: [line, `comment=${text}`],
    })),
    {
      title: 'setComment on a domain constraint',
      op: setComment(
        { objectKind: 'domainConstraint', domain: q('positive'), name: n('positive_check') },
        'Positive',
      ),
      present: [
        `constraint ${n('positive')}.${n('positive_check')} CHECK ((VALUE > 0)) validated=true comment=Positive`,
      ],
      invert: 'irreversible' as const,
    },
    {
      title: 'setComment on an extension',
      setup: [
        raw('DROP EXTENSION IF EXISTS pg_trgm'),
        createExtension({ name: 'pg_trgm', schema, version: null }),
      ],
      op: setComment({ objectKind: 'extension', name: 'pg_trgm' }, text),
      present: [`extension pg_trgm 1.6 comment=${text}`],
      invert: 'irreversible' as const,
    },
    {
      title: 'setComment NULL removes a comment',
      op: setComment({ objectKind: 'table', object: users }, null),
      present: [
        `relation ${n('users')} kind=r persistence=p rls=true force=false options= partkey= bound= inherits= comment= `,
      ],
    },
    {
      title: 'grant on a table WITH GRANT OPTION',
      op: grant(tableGrant),
      present: [`relation ${n('users')} kind=r`, 'pg_monitor=a*r*/'],
    },
    {
      title: 'grant on a schema to PUBLIC',
      op: grant(schemaGrant),
      present: [`schema ${schema} `, 'acl==U/'],
    },
    {
      title: 'grant on a schema to PUBLIC as introspection spells it',
      op: grant({ ...schemaGrant, grantee: 'PUBLIC' }),
      present: [`schema ${schema} `, 'acl==U/'],
    },
    { title: 'grant on a sequence', op: grant(sequenceGrant), present: ['pg_monitor=rU/'] },
    { title: 'grant on a function', op: grant(functionGrant), present: ['pg_monitor=X/'] },
    {
      title: 'revoke on a table',
      setup: [grant({ ...tableGrant, grantable: false })],
      before: withGrant({ ...tableGrant, grantable: false }),
      op: revoke({ ...tableGrant, privileges: ['INSERT'], grantable: false }),
      present: ['pg_monitor=r/'],
    },
    {
      title: 'revoke GRANT OPTION FOR, CASCADE',
      setup: [grant(tableGrant)],
      before: withGrant(tableGrant),
      op: revoke(tableGrant, { cascade: true }),
      present: ['pg_monitor=ar/'],
      invert: 'irreversible' as const,
    },
    {
      title: 'revoke on a function',
      setup: [grant(functionGrant)],
      before: withGrant(functionGrant),
      op: revoke(functionGrant),
      absent: ['pg_monitor=X/'],
    },
    {
      title: 'raw SQL',
      op: raw(`CREATE TABLE ${sql('raw_made')} (${id('id')} integer)`),
      present: [`relation ${n('raw_made')} kind=r`],
      invert: 'irreversible' as const,
    },
    {
      title: 'raw SQL outside a transaction',
      op: raw(`CREATE INDEX CONCURRENTLY ${id('raw_idx')} ON ${sql('notes')} (${id('body')})`, {
        transactional: false,
        hazards: [{ kind: 'builds-index', message: 'Builds an index' }],
      }),
      present: [`index ${n('raw_idx')} `],
      invert: 'irreversible' as const,
    },
  ];
};
