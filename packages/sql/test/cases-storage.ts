import { clusterOn, setMaterializedViewOptions, setReplicaIdentity } from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

/** Replica identity, CLUSTER ON and materialized view storage parameters. */
export const storageCases: CaseFamily = (f) => {
  const { n, q } = f;
  const users = q('users');
  const withTable = (change: Partial<typeof f.users>) =>
    patch(f.snapshot, (s) => ({
      tables: s.tables.map((t) =>
        t.name === n('users') && t.schema === users.schema ? { ...t, ...change } : t,
      ),
    }));
  const withMatview = (options: Record<string, string>) =>
    patch(f.snapshot, (s) => ({ views: s.views.map((v) => (v.materialized ? { ...v, options } : v)) }));
  return [
    {
      title: 'setReplicaIdentity FULL',
      op: setReplicaIdentity(users, 'FULL'),
      present: [`replica ${n('users')} identity=f`],
    },
    {
      title: 'setReplicaIdentity NOTHING',
      op: setReplicaIdentity(users, 'NOTHING'),
      present: [`replica ${n('users')} identity=n`],
    },
    {
      title: 'setReplicaIdentity USING INDEX (the primary key)',
      op: setReplicaIdentity(users, { index: n('users_pkey') }),
      present: [
        `replica ${n('users')} identity=i`,
        `indexflags ${n('users_pkey')} clustered=false replident=true`,
      ],
    },
    {
      title: 'setReplicaIdentity DEFAULT after FULL',
      setup: [setReplicaIdentity(users, 'FULL')],
      before: withTable({ replicaIdentity: 'FULL' }),
      op: setReplicaIdentity(users, 'DEFAULT'),
      present: [`replica ${n('users')} identity=d`],
    },
    {
      title: 'clusterOn an index',
      op: clusterOn(users, n('users_email_idx')),
      present: [`indexflags ${n('users_email_idx')} clustered=true`],
    },
    {
      title: 'clusterOn null (SET WITHOUT CLUSTER)',
      setup: [clusterOn(users, n('users_email_idx'))],
      before: withTable({ clusterOn: n('users_email_idx') }),
      op: clusterOn(users, null),
      absent: ['clustered=true'],
    },
    {
      title: 'setMaterializedViewOptions SET',
      op: setMaterializedViewOptions(q('user_counts'), {
        set: { fillfactor: '70', autovacuum_enabled: 'false' },
      }),
      present: [
        `relation ${n('user_counts')} kind=m persistence=p rls=false force=false options={fillfactor=70,autovacuum_enabled=false}`,
      ],
    },
    {
      title: 'setMaterializedViewOptions RESET',
      setup: [setMaterializedViewOptions(q('user_counts'), { set: { fillfactor: '70' } })],
      before: withMatview({ fillfactor: '70' }),
      op: setMaterializedViewOptions(q('user_counts'), { reset: ['fillfactor'] }),
      present: [`relation ${n('user_counts')} kind=m persistence=p rls=false force=false options= `],
    },
  ];
};
