import {
  type Collation,
  createCollation,
  createRule,
  dropCollation,
  dropRule,
  type Rule,
  renameCollation,
  setComment,
} from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

/** Collations (`CREATE COLLATION`) and rewrite rules (`CREATE RULE`). */
export const ruleCases: CaseFamily = (f) => {
  const { n, q } = f;
  const users = q('users');
  // Quoted by hand: the 64-byte fixture must reach the compiler, which is what refuses it.
  const quoted = (o: { schema: string; name: string }) =>
    [o.schema, o.name].map((x) => `"${x.replaceAll('"', '""')}"`).join('.');
  const notes = q('notes');
  const icu: Collation = {
    ...q('ci'),
    provider: 'icu',
    locale: 'und-u-ks-level2',
    lcCollate: null,
    lcCtype: null,
    deterministic: false,
    icuRules: null,
    comment: 'Case-insensitive',
  };
  const libc: Collation = {
    ...q('bytes'),
    provider: 'libc',
    locale: null,
    lcCollate: 'C',
    lcCtype: 'POSIX',
    deterministic: true,
    icuRules: null,
    comment: null,
  };
  const rule: Rule = {
    schema: users.schema,
    table: users.name,
    name: n('users_keep'),
    definition: `ON DELETE TO ${quoted(users)} DO INSTEAD NOTHING`,
    comment: 'Rows stay',
  };
  const withCollation = patch(f.snapshot, () => ({ collations: [icu] }));
  const withRule = patch(f.snapshot, () => ({ rules: [rule] }));
  return [
    {
      title: 'createCollation (icu, nondeterministic, with a comment)',
      op: createCollation(icu),
      present: [`collation ${n('ci')} provider=i deterministic=false comment=Case-insensitive`],
    },
    {
      title: 'createCollation (libc, lc_collate and lc_ctype apart)',
      op: createCollation(libc),
      present: [`collation ${n('bytes')} provider=c deterministic=true comment= collate=C ctype=POSIX`],
    },
    {
      title: 'dropCollation',
      setup: [createCollation(icu)],
      before: withCollation,
      op: dropCollation(icu),
      absent: [`collation ${n('ci')} `],
    },
    {
      title: 'renameCollation',
      setup: [createCollation(icu)],
      before: withCollation,
      op: renameCollation(icu, n('ci2')),
      present: [`collation ${n('ci2')} provider=i`],
      absent: [`collation ${n('ci')} `],
    },
    {
      title: 'setComment on a collation',
      setup: [createCollation(icu)],
      before: withCollation,
      op: setComment({ objectKind: 'collation', object: icu }, 'Ignores case'),
      present: [`collation ${n('ci')} provider=i deterministic=false comment=Ignores case`],
    },
    {
      title: 'createRule (DO INSTEAD NOTHING, with a comment)',
      op: createRule(rule),
      present: [
        `rule ${n('users')}.${n('users_keep')} CREATE RULE`,
        'DO INSTEAD NOTHING',
        'comment=Rows stay',
      ],
    },
    {
      title: 'createRule OR REPLACE',
      setup: [createRule(rule)],
      before: withRule,
      op: createRule(
        {
          ...rule,
          definition: `ON DELETE TO ${quoted(users)} DO ALSO DELETE FROM ${quoted(notes)}`,
        },
        { orReplace: true },
      ),
      present: [`rule ${n('users')}.${n('users_keep')} CREATE RULE`, 'DO  DELETE FROM'],
    },
    {
      title: 'dropRule',
      setup: [createRule(rule)],
      before: withRule,
      op: dropRule(users, n('users_keep')),
      absent: [`rule ${n('users')}.${n('users_keep')} `],
    },
    {
      title: 'setComment on a rule',
      setup: [createRule(rule)],
      before: withRule,
      op: setComment({ objectKind: 'rule', table: users, name: n('users_keep') }, null),
      present: [`rule ${n('users')}.${n('users_keep')} CREATE RULE`, ' comment='],
      absent: ['comment=Rows stay'],
    },
  ];
};
