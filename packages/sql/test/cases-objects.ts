import {
  addCompositeAttribute,
  addDomainCheck,
  addEnumValue,
  alterCompositeAttribute,
  alterDomainDefault,
  alterDomainNotNull,
  alterExtension,
  alterSequence,
  builtinType,
  createCompositeType,
  createDomain,
  createEnum,
  createExtension,
  createSchema,
  createSequence,
  defaultSequenceOptions,
  dropCompositeAttribute,
  dropDomainCheck,
  dropExtension,
  dropSchema,
  dropSequence,
  dropType,
  raw,
  renameEnumValue,
  renameSchema,
  renameSequence,
  renameType,
  validateDomainCheck,
} from '@justscale/schema';
import { quoteLiteral } from '../src/index.js';
import { type CaseFamily, patch } from './case.js';

export const objectCases: CaseFamily = (f) => {
  const { n, q, schema } = f;
  const int = builtinType('integer');
  const dropTrgm = raw('DROP EXTENSION IF EXISTS pg_trgm');
  const trgm = { name: 'pg_trgm', schema, version: '1.6' };
  const withTrgm = patch(f.snapshot, () => ({ extensions: [trgm] }));
  const withApp2 = patch(f.snapshot, (s) => ({
    schemas: [...s.schemas, { name: n('app2'), comment: 'Second' }],
  }));
  const mood = { ...q('mood'), values: ['sad', 'ok', 'happy'], comment: 'Feelings' };
  const unchecked = { name: n('positive_small'), expression: '(VALUE < 1000)' };
  return [
    {
      title: 'createSchema with a comment',
      op: createSchema({ name: n('app2'), comment: 'Second' }),
      present: [`schema ${n('app2')} comment=Second`],
    },
    {
      title: 'createSchema IF NOT EXISTS on an existing schema',
      op: createSchema({ name: schema, comment: null }, { ifNotExists: true }),
      noChange: true,
    },
    {
      title: 'dropSchema',
      setup: [createSchema({ name: n('app2'), comment: 'Second' })],
      before: withApp2,
      op: dropSchema(n('app2')),
      absent: [`schema ${n('app2')} `],
    },
    {
      title: 'dropSchema IF EXISTS CASCADE',
      op: dropSchema(schema, { ifExists: true, cascade: true }),
      absent: [`schema ${schema} `, `relation ${n('users')} `],
      invert: 'irreversible',
    },
    {
      title: 'renameSchema',
      setup: [createSchema({ name: n('app2'), comment: 'Second' })],
      before: withApp2,
      op: renameSchema(n('app2'), n('app3')),
      present: [`schema ${n('app3')} comment=Second`],
      absent: [`schema ${n('app2')} `],
    },
    {
      title: 'createExtension in a schema at a version',
      setup: [dropTrgm],
      op: createExtension({ name: 'pg_trgm', schema, version: '1.5' }),
      present: ['extension pg_trgm 1.5'],
    },
    {
      title: 'createExtension IF NOT EXISTS',
      setup: [dropTrgm],
      op: createExtension({ name: 'pg_trgm', schema, version: null }, { ifNotExists: true }),
      present: ['extension pg_trgm 1.6'],
    },
    {
      title: 'alterExtension UPDATE TO a version',
      setup: [dropTrgm, createExtension({ name: 'pg_trgm', schema, version: '1.5' })],
      op: alterExtension('pg_trgm', '1.6'),
      present: ['extension pg_trgm 1.6'],
      invert: 'irreversible',
    },
    {
      title: 'dropExtension',
      setup: [dropTrgm, createExtension(trgm)],
      before: withTrgm,
      op: dropExtension('pg_trgm', { ifExists: true }),
      absent: ['extension pg_trgm'],
    },
    {
      title: 'createEnum with a comment',
      op: createEnum(mood),
      present: [
        `type ${n('mood')} typtype=e base= notnull=false default= labels=sad,ok,happy comment=Feelings`,
      ],
    },
    {
      title: 'addEnumValue AFTER',
      op: addEnumValue(q('status'), "it's", { after: 'active' }),
      present: [`labels=active,it's,inactive`],
      invert: 'irreversible',
    },
    {
      title: 'addEnumValue BEFORE',
      op: addEnumValue(q('status'), 'pending', { before: 'active' }),
      present: ['labels=pending,active,inactive'],
      invert: 'irreversible',
    },
    {
      title: 'addEnumValue IF NOT EXISTS, appended',
      op: addEnumValue(q('status'), 'a\\b', { ifNotExists: true }),
      present: ['labels=active,inactive,a\\b'],
      invert: 'irreversible',
    },
    {
      title: 'renameEnumValue',
      op: renameEnumValue(q('status'), 'inactive', 'disabled'),
      present: ['labels=active,disabled'],
    },
    {
      title: 'dropType enum',
      setup: [createEnum(mood)],
      before: patch(f.snapshot, (s) => ({ enums: [...s.enums, mood] })),
      op: dropType('enum', q('mood')),
      absent: [`type ${n('mood')} `],
    },
    {
      title: 'dropType enum IF EXISTS CASCADE',
      op: dropType('enum', q('status'), { ifExists: true, cascade: true }),
      absent: [`type ${n('status')} `, `column ${n('users')}.${n('status')} `],
      invert: 'irreversible',
    },
    {
      title: 'renameType enum',
      op: renameType('enum', q('status'), n('state')),
      present: [`type ${n('state')} typtype=e`],
      absent: [`type ${n('status')} `],
    },
    {
      title: 'createDomain with collation, default, NOT NULL, checks, comment',
      op: createDomain({
        ...q('email_address'),
        type: builtinType('text'),
        collation: { schema: 'pg_catalog', name: 'C' },
        default: "'x@y'::text",
        notNull: true,
        checks: [{ name: n('email_check'), expression: "(VALUE ~~ '%@%'::text)" }],
        comment: 'Mail',
      }),
      present: [
        `type ${n('email_address')} typtype=d base=text notnull=true default='x@y'::text labels= comment=Mail`,
        `constraint ${n('email_address')}.${n('email_check')} CHECK ((VALUE ~~ '%@%'::text))`,
      ],
    },
    {
      title: 'alterDomainDefault SET',
      op: alterDomainDefault(q('positive'), '1'),
      present: [`type ${n('positive')} typtype=d base=integer notnull=false default=1 `],
    },
    {
      title: 'alterDomainDefault DROP',
      setup: [alterDomainDefault(q('positive'), '1')],
      before: patch(f.snapshot, (s) => ({ domains: s.domains.map((d) => ({ ...d, default: '1' })) })),
      op: alterDomainDefault(q('positive'), null),
      present: [`type ${n('positive')} typtype=d base=integer notnull=false default= `],
    },
    {
      title: 'alterDomainNotNull SET',
      op: alterDomainNotNull(q('positive'), true),
      present: [`type ${n('positive')} typtype=d base=integer notnull=true`],
    },
    {
      title: 'alterDomainNotNull DROP',
      setup: [alterDomainNotNull(q('positive'), true)],
      before: patch(f.snapshot, (s) => ({ domains: s.domains.map((d) => ({ ...d, notNull: true })) })),
      op: alterDomainNotNull(q('positive'), false),
      present: [`type ${n('positive')} typtype=d base=integer notnull=false`],
    },
    {
      title: 'addDomainCheck',
      op: addDomainCheck(q('positive'), unchecked),
      present: [`constraint ${n('positive')}.${n('positive_small')} CHECK ((VALUE < 1000)) validated=true`],
    },
    {
      title: 'addDomainCheck NOT VALID',
      op: addDomainCheck(q('positive'), unchecked, { notValid: true }),
      present: [
        `constraint ${n('positive')}.${n('positive_small')} CHECK ((VALUE < 1000)) NOT VALID validated=false`,
      ],
    },
    {
      title: 'dropDomainCheck',
      op: dropDomainCheck(q('positive'), n('positive_check')),
      absent: [`constraint ${n('positive')}.${n('positive_check')} `],
    },
    {
      title: 'dropDomainCheck IF EXISTS of a missing check',
      op: dropDomainCheck(q('positive'), n('nothing'), { ifExists: true }),
      noChange: true,
    },
    {
      title: 'validateDomainCheck',
      setup: [addDomainCheck(q('positive'), unchecked, { notValid: true })],
      op: validateDomainCheck(q('positive'), n('positive_small')),
      present: [`constraint ${n('positive')}.${n('positive_small')} CHECK ((VALUE < 1000)) validated=true`],
      invert: 'none',
    },
    {
      title: 'createCompositeType with a collated attribute and a comment',
      op: createCompositeType({
        ...q('point3'),
        attributes: [
          { name: n('x'), type: int, collation: null },
          { name: n('label'), type: builtinType('text'), collation: { schema: 'pg_catalog', name: 'C' } },
        ],
        comment: 'A point',
      }),
      present: [
        `type ${n('point3')} typtype=c base= notnull=false default= labels= comment=A point`,
        `column ${n('point3')}.${n('label')} text notnull=false identity= generated= default= collation=C`,
      ],
    },
    {
      title: 'addCompositeAttribute',
      op: addCompositeAttribute(q('pair'), {
        name: n('z'),
        type: builtinType('numeric(10,2)'),
        collation: null,
      }),
      present: [`column ${n('pair')}.${n('z')} numeric(10,2) `],
    },
    {
      title: 'alterCompositeAttribute',
      op: alterCompositeAttribute(q('pair'), { name: n('x'), type: builtinType('bigint'), collation: null }),
      present: [`column ${n('pair')}.${n('x')} bigint `],
    },
    {
      title: 'dropCompositeAttribute',
      op: dropCompositeAttribute(q('pair'), n('y')),
      absent: [`column ${n('pair')}.${n('y')} `],
    },
    {
      title: 'dropType composite',
      op: dropType('composite', q('pair')),
      absent: [`type ${n('pair')} `],
    },
    {
      title: 'dropType domain',
      op: dropType('domain', q('positive')),
      absent: [`type ${n('positive')} `],
    },
    {
      title: 'renameType domain',
      op: renameType('domain', q('positive'), n('natural')),
      present: [`type ${n('natural')} typtype=d`],
    },
    {
      title: 'renameType composite',
      op: renameType('composite', q('pair'), n('couple')),
      present: [`type ${n('couple')} typtype=c`],
    },
    {
      title: 'createSequence with every option, OWNED BY and a comment',
      op: createSequence({
        ...q('ticket'),
        type: 'integer',
        start: '100',
        increment: '5',
        minValue: '1',
        maxValue: '100000',
        cache: '10',
        cycle: true,
        ownedBy: { table: q('notes'), column: n('id') },
        comment: 'Tickets',
      }),
      present: [
        `sequence ${n('ticket')} integer start=100 inc=5 min=1 max=100000 cache=10 cycle=true last= owned=${n('notes')}.${n('id')}:a`,
        `relation ${n('ticket')} kind=S persistence=p rls=false force=false options= partkey= bound= inherits= comment=Tickets`,
      ],
    },
    {
      title: 'createSequence descending',
      op: createSequence({
        ...q('countdown'),
        ...defaultSequenceOptions('smallint'),
        increment: '-1',
        minValue: '-32768',
        maxValue: '-1',
        start: '-1',
        ownedBy: null,
        comment: null,
      }),
      present: [`sequence ${n('countdown')} smallint start=-1 inc=-1 min=-32768 max=-1 cache=1 cycle=false`],
    },
    {
      title: 'createSequence IF NOT EXISTS on an existing sequence',
      op: createSequence({ ...f.snapshot.sequences[0]! }, { ifNotExists: true }),
      noChange: true,
    },
    {
      title: 'alterSequence options and OWNED BY',
      op: alterSequence(q('counter'), {
        increment: '2',
        maxValue: '1000',
        cycle: true,
        ownedBy: { table: q('notes'), column: n('id') },
      }),
      present: [
        `sequence ${n('counter')} bigint start=1 inc=2 min=1 max=1000 cache=1 cycle=true last= owned=${n('notes')}.${n('id')}:a`,
      ],
    },
    {
      title: 'alterSequence AS type and RESTART',
      setup: [raw(`SELECT pg_catalog.nextval(${quoteLiteral(f.sql('counter'))})`)],
      op: alterSequence(q('counter'), { type: 'integer', maxValue: '2147483647', restart: '50' }),
      autocommit: true,
      present: [
        `sequence ${n('counter')} integer start=1 inc=1 min=1 max=2147483647 cache=1 cycle=false last= `,
      ],
      invert: 'irreversible',
    },
    {
      title: 'dropSequence',
      op: dropSequence(q('counter')),
      absent: [`sequence ${n('counter')} `],
    },
    {
      title: 'dropSequence IF EXISTS of a missing sequence',
      op: dropSequence(q('nothing'), { ifExists: true }),
      noChange: true,
    },
    {
      title: 'renameSequence',
      op: renameSequence(q('counter'), n('tally')),
      present: [`sequence ${n('tally')} bigint`],
    },
  ];
};
