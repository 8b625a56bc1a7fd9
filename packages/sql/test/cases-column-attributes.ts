import {
  alterSequence,
  type Column,
  createSequence,
  defaultSequenceOptions,
  setColumnAttributes,
} from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

/** Column statistics targets, storage modes and compression; sequence persistence. */
export const columnAttributeCases: CaseFamily = (f) => {
  const { n, q } = f;
  const users = q('users');
  const notes = q('notes');
  const external = { mode: 'EXTERNAL', typeDefault: 'EXTENDED' } as const;
  const withBody = (change: Partial<Column>) =>
    patch(f.snapshot, (s) => ({
      tables: s.tables.map((t) =>
        t.name === n('notes') && t.schema === notes.schema
          ? { ...t, columns: t.columns.map((c) => (c.name === n('body') ? { ...c, ...change } : c)) }
          : t,
      ),
    }));
  return [
    {
      title: 'setColumnAttributes SET STATISTICS',
      op: setColumnAttributes(users, n('email'), { statistics: 500 }),
      present: [`colattr ${n('users')}.${n('email')} stat=500 storage=x compression= `.trimEnd()],
    },
    {
      title: 'setColumnAttributes SET STORAGE and COMPRESSION',
      op: setColumnAttributes(notes, n('body'), { storage: external, compression: 'pglz' }),
      present: [`colattr ${n('notes')}.${n('body')} stat=-1 storage=e compression=p`],
    },
    {
      title: 'setColumnAttributes back to the defaults',
      setup: [
        setColumnAttributes(notes, n('body'), { statistics: 10, storage: external, compression: 'pglz' }),
      ],
      before: withBody({ statistics: 10, storage: external, compression: 'pglz' }),
      op: setColumnAttributes(notes, n('body'), {
        statistics: null,
        storage: { mode: 'EXTENDED', typeDefault: 'EXTENDED' },
        compression: null,
      }),
      absent: [`colattr ${n('notes')}.${n('body')}`],
    },
    {
      title: 'createSequence UNLOGGED',
      op: createSequence({
        ...q('scratch'),
        ...defaultSequenceOptions('bigint'),
        ownedBy: null,
        comment: null,
        unlogged: true,
      }),
      present: [`relation ${n('scratch')} kind=S persistence=u`],
    },
    {
      title: 'alterSequence SET UNLOGGED',
      op: alterSequence(q('counter'), { unlogged: true }),
      present: [`relation ${n('counter')} kind=S persistence=u`],
    },
    {
      title: 'alterSequence SET LOGGED with an option',
      setup: [alterSequence(q('counter'), { unlogged: true })],
      before: patch(f.snapshot, (s) => ({
        sequences: s.sequences.map((x) => (x.name === n('counter') ? { ...x, unlogged: true } : x)),
      })),
      op: alterSequence(q('counter'), { unlogged: false, cache: '5' }),
      present: [`relation ${n('counter')} kind=S persistence=p`],
    },
  ];
};
