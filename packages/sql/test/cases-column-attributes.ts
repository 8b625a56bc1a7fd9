import { type Column, setColumnAttributes } from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

/** Column statistics targets, storage modes and compression. */
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
  ];
};
