import {
  addColumn,
  addConstraint,
  addConstraintUsingIndex,
  addIdentity,
  alterColumnType,
  alterIdentity,
  builtinType,
  column,
  createIndex,
  defaultSequenceOptions,
  dropColumn,
  dropColumnDefault,
  dropColumnNotNull,
  dropConstraint,
  dropIdentity,
  index,
  renameColumn,
  renameConstraint,
  setColumnDefault,
  setColumnNotNull,
  userType,
  validateConstraint,
} from '@justscale/schema';
import { type CaseFamily, patch } from './case.js';

export const columnCases: CaseFamily = (f) => {
  const { n, q, id, schema } = f;
  const int = builtinType('integer');
  const users = q('users');
  const notes = q('notes');
  const noDefer = { deferrable: false, initiallyDeferred: false, comment: null } as const;
  const check = {
    kind: 'check',
    name: n('notes_body_check'),
    expression: `(length(${id('body')}) > 0)`,
    noInherit: false,
    ...noDefer,
  } as const;
  const fk = {
    kind: 'foreignKey',
    name: n('notes_team_fkey'),
    columns: [n('id')],
    references: { table: q('teams'), columns: [n('id')] },
    match: 'SIMPLE',
    onDelete: 'CASCADE',
    onUpdate: 'SET NULL',
    onDeleteColumns: null,
    deferrable: true,
    initiallyDeferred: true,
    comment: 'Team of the note',
  } as const;
  const keyIndex = index({
    ...q('notes_id_key_idx'),
    table: n('notes'),
    unique: true,
    keys: [{ column: n('id') }],
  });
  return [
    {
      title: 'addColumn',
      op: addColumn(users, column({ name: n('age'), type: int })),
      present: [
        `column ${n('users')}.${n('age')} integer notnull=false identity= generated= default= collation= comment=`,
      ],
    },
    {
      title: 'addColumn NOT NULL with a default and a comment',
      op: addColumn(
        users,
        column({
          name: n('score'),
          type: builtinType('numeric(10,2)'),
          notNull: true,
          default: '0',
          comment: 'Score',
        }),
      ),
      present: [
        `column ${n('users')}.${n('score')} numeric(10,2) notnull=true identity= generated= default=0 collation= comment=Score`,
      ],
    },
    {
      title: 'addColumn identity',
      op: addColumn(
        notes,
        column({
          name: n('seq_no'),
          type: builtinType('bigint'),
          notNull: true,
          identity: {
            generation: 'BY DEFAULT',
            sequence: { name: n('notes_seq_no_seq'), ...defaultSequenceOptions('bigint'), cache: '5' },
          },
        }),
      ),
      present: [
        `column ${n('notes')}.${n('seq_no')} bigint notnull=true identity=d`,
        `sequence ${n('notes_seq_no_seq')} bigint start=1 inc=1 min=1 max=9223372036854775807 cache=5`,
      ],
    },
    {
      title: 'addColumn stored generated',
      op: addColumn(notes, column({ name: n('body_length'), type: int, generated: `length(${id('body')})` })),
      present: [
        `column ${n('notes')}.${n('body_length')} integer notnull=false identity= generated=s default=length(`,
      ],
    },
    {
      title: 'addColumn with a collation, an array type and a user type',
      op: addColumn(
        notes,
        column({
          name: n('code'),
          type: builtinType('character varying(20)', true),
          collation: { schema: 'pg_catalog', name: 'C' },
        }),
      ),
      present: [
        `column ${n('notes')}.${n('code')} character varying(20)[] notnull=false identity= generated= default= collation=C`,
      ],
    },
    {
      title: 'addColumn of an enum array type',
      op: addColumn(
        notes,
        column({ name: n('moods'), type: userType(schema, n('status'), { array: true }) }),
      ),
      present: [`column ${n('notes')}.${n('moods')} `],
    },
    {
      title: 'dropColumn restores its constraints when inverted',
      op: dropColumn(notes, n('body')),
      absent: [`column ${n('notes')}.${n('body')} `, `constraint ${n('notes')}.${n('notes_body_key')} `],
    },
    {
      title: 'dropColumn used by a check and a foreign key',
      op: dropColumn(users, n('team_id')),
      absent: [
        `column ${n('users')}.${n('team_id')} `,
        `constraint ${n('users')}.${n('users_team_fkey')} `,
        `constraint ${n('users')}.${n('users_team_check')} `,
      ],
    },
    {
      title: 'dropColumn IF EXISTS of a missing column',
      op: dropColumn(notes, n('nothing'), { ifExists: true }),
      noChange: true,
    },
    {
      title: 'dropColumn CASCADE',
      op: dropColumn(users, n('email'), { cascade: true }),
      absent: [`column ${n('users')}.${n('email')} `, `relation ${n('active_users')} `],
      invert: 'irreversible',
    },
    {
      title: 'renameColumn',
      op: renameColumn(notes, n('body'), n('content')),
      present: [`column ${n('notes')}.${n('content')} text`],
    },
    {
      title: 'alterColumnType',
      op: alterColumnType(notes, n('id'), builtinType('bigint')),
      present: [`column ${n('notes')}.${n('id')} bigint notnull=true`],
    },
    {
      title: 'alterColumnType with a collation and USING',
      op: alterColumnType(notes, n('body'), builtinType('character varying(200)'), {
        collation: { schema: 'pg_catalog', name: 'C' },
        using: `(${id('body')})::character varying(200)`,
      }),
      present: [
        `column ${n('notes')}.${n('body')} character varying(200) notnull=false identity= generated= default= collation=C`,
      ],
    },
    {
      title: 'setColumnDefault',
      op: setColumnDefault(notes, n('body'), "'hello'::text"),
      present: [
        `column ${n('notes')}.${n('body')} text notnull=false identity= generated= default='hello'::text`,
      ],
    },
    {
      title: 'dropColumnDefault',
      op: dropColumnDefault(users, n('email')),
      present: [`column ${n('users')}.${n('email')} text notnull=true identity= generated= default= `],
    },
    {
      title: 'setColumnNotNull',
      op: setColumnNotNull(notes, n('body')),
      present: [`column ${n('notes')}.${n('body')} text notnull=true`],
    },
    {
      title: 'dropColumnNotNull',
      op: dropColumnNotNull(users, n('email')),
      present: [`column ${n('users')}.${n('email')} text notnull=false`],
    },
    {
      title: 'addIdentity',
      op: addIdentity(notes, n('id'), {
        generation: 'ALWAYS',
        sequence: { name: n('notes_id_seq'), ...defaultSequenceOptions('integer'), start: '100' },
      }),
      present: [
        `column ${n('notes')}.${n('id')} integer notnull=true identity=a`,
        `sequence ${n('notes_id_seq')} integer start=100`,
      ],
    },
    {
      title: 'alterIdentity generation and options',
      op: alterIdentity(users, n('id'), {
        generation: 'BY DEFAULT',
        increment: '5',
        maxValue: '1000',
        cache: '3',
        cycle: true,
      }),
      present: [
        `column ${n('users')}.${n('id')} integer notnull=true identity=d`,
        `sequence ${n('users_id_seq')} integer start=1 inc=5 min=1 max=1000 cache=3 cycle=true`,
      ],
    },
    {
      title: 'alterIdentity RESTART',
      op: alterIdentity(users, n('id'), { start: '7', restart: '7' }),
      present: [`sequence ${n('users_id_seq')} integer start=7 `],
      invert: 'irreversible',
    },
    {
      title: 'dropIdentity',
      op: dropIdentity(users, n('id')),
      present: [`column ${n('users')}.${n('id')} integer notnull=true identity= `],
      absent: [`sequence ${n('users_id_seq')} `],
    },
    {
      title: 'dropIdentity IF EXISTS of a plain column',
      op: dropIdentity(notes, n('id'), { ifExists: true }),
      noChange: true,
    },
    {
      title: 'addConstraint CHECK',
      op: addConstraint(notes, check),
      present: [`constraint ${n('notes')}.${n('notes_body_check')} CHECK ((length(`],
    },
    {
      title: 'addConstraint CHECK NOT VALID, NO INHERIT, with a comment',
      op: addConstraint(notes, { ...check, noInherit: true, comment: 'Not empty' }, { notValid: true }),
      present: [`NO INHERIT NOT VALID validated=false comment=Not empty`],
    },
    {
      title: 'addConstraint FOREIGN KEY with actions, deferrable, NOT VALID',
      op: addConstraint(notes, fk, { notValid: true }),
      present: [
        'ON UPDATE SET NULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID validated=false comment=Team of the note',
      ],
    },
    {
      title: 'addConstraint FOREIGN KEY ON DELETE SET DEFAULT (columns)',
      op: addConstraint(notes, {
        ...fk,
        onDelete: 'SET DEFAULT',
        onUpdate: 'NO ACTION',
        onDeleteColumns: [n('id')],
        deferrable: false,
        initiallyDeferred: false,
      }),
      present: ['ON DELETE SET DEFAULT ('],
    },
    {
      title: 'addConstraint PRIMARY KEY with INCLUDE',
      op: addConstraint(notes, {
        kind: 'primaryKey',
        name: n('notes_pkey'),
        columns: [n('id')],
        include: [n('body')],
        ...noDefer,
      }),
      present: [
        `constraint ${n('notes')}.${n('notes_pkey')} PRIMARY KEY (`,
        `index ${n('notes_pkey')} CREATE UNIQUE INDEX`,
      ],
    },
    {
      title: 'addConstraint UNIQUE NULLS NOT DISTINCT DEFERRABLE',
      op: addConstraint(notes, {
        kind: 'unique',
        name: n('notes_id_key'),
        columns: [n('id')],
        include: [],
        nullsNotDistinct: true,
        deferrable: true,
        initiallyDeferred: false,
        comment: null,
      }),
      present: ['UNIQUE NULLS NOT DISTINCT', 'DEFERRABLE validated=true'],
    },
    {
      title: 'addConstraint EXCLUDE',
      op: addConstraint(notes, {
        kind: 'exclusion',
        name: n('notes_id_excl'),
        definition: `EXCLUDE USING btree (${id('id')} WITH =)`,
        ...noDefer,
      }),
      present: [`constraint ${n('notes')}.${n('notes_id_excl')} EXCLUDE USING btree (`],
    },
    {
      title: 'addConstraintUsingIndex UNIQUE',
      setup: [createIndex(keyIndex)],
      before: patch(f.snapshot, (s) => ({ indexes: [...s.indexes, keyIndex] })),
      op: addConstraintUsingIndex(notes, n('notes_id_key'), 'unique', n('notes_id_key_idx')),
      present: [`constraint ${n('notes')}.${n('notes_id_key')} UNIQUE (`],
      absent: [`index ${n('notes_id_key_idx')} `],
    },
    {
      title: 'addConstraintUsingIndex PRIMARY KEY DEFERRABLE',
      setup: [createIndex(keyIndex)],
      before: patch(f.snapshot, (s) => ({ indexes: [...s.indexes, keyIndex] })),
      op: addConstraintUsingIndex(notes, n('notes_pkey'), 'primaryKey', n('notes_id_key_idx'), {
        deferrable: true,
        initiallyDeferred: true,
      }),
      present: [`constraint ${n('notes')}.${n('notes_pkey')} PRIMARY KEY (`, 'DEFERRABLE INITIALLY DEFERRED'],
    },
    {
      title: 'dropConstraint CHECK',
      op: dropConstraint(users, n('users_team_check')),
      absent: [`constraint ${n('users')}.${n('users_team_check')} `],
    },
    {
      title: 'dropConstraint FOREIGN KEY',
      op: dropConstraint(users, n('users_team_fkey')),
      absent: [`constraint ${n('users')}.${n('users_team_fkey')} `],
    },
    {
      title: 'dropConstraint UNIQUE with a comment',
      op: dropConstraint(notes, n('notes_body_key')),
      absent: [`constraint ${n('notes')}.${n('notes_body_key')} `],
    },
    {
      title: 'dropConstraint IF EXISTS CASCADE',
      op: dropConstraint(q('teams'), n('teams_pkey'), { ifExists: true, cascade: true }),
      absent: [
        `constraint ${n('teams')}.${n('teams_pkey')} `,
        `constraint ${n('users')}.${n('users_team_fkey')} `,
      ],
      invert: 'irreversible',
    },
    {
      title: 'renameConstraint',
      op: renameConstraint(users, n('users_team_check'), n('team_positive')),
      present: [`constraint ${n('users')}.${n('team_positive')} CHECK`],
    },
    {
      title: 'validateConstraint',
      setup: [addConstraint(notes, check, { notValid: true })],
      op: validateConstraint(notes, n('notes_body_check')),
      present: [`constraint ${n('notes')}.${n('notes_body_check')} CHECK ((length(`, 'validated=true'],
      invert: 'none',
    },
  ];
};
