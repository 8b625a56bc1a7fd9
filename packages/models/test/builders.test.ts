import { describe, expect, it } from 'vitest';
import {
  type AnyField,
  defineEnum,
  defineModel,
  field,
  ModelError,
  type ModelLike,
  modelsToSnapshot,
  sql,
} from '../src/index.js';

const Status = defineEnum('UserStatus', ['active', 'inactive']);

/** The snapshot column of one field in a table `t`. */
function col(f: AnyField) {
  const t = modelsToSnapshot(defineModel('t', { value: f })).tables[0]!;
  return t.columns[0]!;
}

describe('builders → column type', () => {
  it.each<[string, AnyField, string, string, boolean]>([
    ['uuid', field.uuid(), 'pg_catalog', 'uuid', false],
    ['string', field.string(), 'pg_catalog', 'character varying', false],
    ['string().max', field.string().max(200), 'pg_catalog', 'character varying(200)', false],
    ['text', field.text(), 'pg_catalog', 'text', false],
    ['integer', field.integer(), 'pg_catalog', 'integer', false],
    ['bigint', field.bigint(), 'pg_catalog', 'bigint', false],
    ['smallint', field.smallint(), 'pg_catalog', 'smallint', false],
    ['decimal(10,2)', field.decimal(10, 2), 'pg_catalog', 'numeric(10,2)', false],
    ['decimal(7)', field.decimal(7), 'pg_catalog', 'numeric(7,0)', false],
    ['decimal()', field.decimal(), 'pg_catalog', 'numeric', false],
    ['real', field.real(), 'pg_catalog', 'real', false],
    ['double', field.double(), 'pg_catalog', 'double precision', false],
    ['boolean', field.boolean(), 'pg_catalog', 'boolean', false],
    ['date', field.date(), 'pg_catalog', 'date', false],
    ['time', field.time(), 'pg_catalog', 'time without time zone', false],
    [
      'time tz(3)',
      field.time({ withTimezone: true, precision: 3 }),
      'pg_catalog',
      'time(3) with time zone',
      false,
    ],
    ['timestamp', field.timestamp(), 'pg_catalog', 'timestamp with time zone', false],
    [
      'timestamp no tz',
      field.timestamp({ withTimezone: false }),
      'pg_catalog',
      'timestamp without time zone',
      false,
    ],
    ['timestamp(0)', field.timestamp({ precision: 0 }), 'pg_catalog', 'timestamp(0) with time zone', false],
    ['interval', field.interval(), 'pg_catalog', 'interval', false],
    ['interval(2)', field.interval({ precision: 2 }), 'pg_catalog', 'interval(2)', false],
    ['json', field.json(), 'pg_catalog', 'json', false],
    ['jsonb', field.jsonb<{ a: number }>(), 'pg_catalog', 'jsonb', false],
    ['bytea', field.bytea(), 'pg_catalog', 'bytea', false],
    ['inet', field.inet(), 'pg_catalog', 'inet', false],
    ['cidr', field.cidr(), 'pg_catalog', 'cidr', false],
    ['enum', field.enum(Status), 'public', 'UserStatus', false],
    ['custom', field.custom('tsvector'), 'pg_catalog', 'tsvector', false],
    ['custom(3)', field.custom('character', { modifiers: '(3)' }), 'pg_catalog', 'character(3)', false],
    ['text[]', field.text().array(), 'pg_catalog', 'text', true],
    ['enum[]', field.enum(Status).array(), 'public', 'UserStatus', true],
    ['varchar(5)[]', field.string().max(5).array(), 'pg_catalog', 'character varying(5)', true],
  ])('%s', (_label, f, schema, name, array) => {
    expect(col(f).type).toEqual({ schema, name, modifiers: null, array });
  });

  it('a type of another schema keeps its modifiers apart', () => {
    expect(col(field.custom('vector', { schema: 'public', modifiers: '(3)' })).type).toEqual({
      schema: 'public',
      name: 'vector',
      modifiers: '(3)',
      array: false,
    });
  });
});

describe('modifiers → column', () => {
  it('fields are NOT NULL unless optional', () => {
    expect(col(field.text()).notNull).toBe(true);
    expect(col(field.text().optional()).notNull).toBe(false);
  });

  it.each<[string, AnyField, string | null]>([
    ['string', field.string().max(10).default('x'), `'x'::character varying`],
    ['text with quote', field.text().default("it's"), `'it''s'::text`],
    ['text backslash', field.text().default('a\\b'), `'a\\b'::text`],
    ['empty text', field.text().default(''), `''::text`],
    ['integer', field.integer().default(5), '5'],
    ['negative integer', field.integer().default(-1), `'-1'::integer`],
    ['int max', field.integer().default(2147483647), '2147483647'],
    ['bigint number', field.bigint().default(5), '5'],
    ['bigint beyond int4', field.bigint().default(2147483648), `'2147483648'::bigint`],
    ['bigint string', field.bigint().default('9007199254740993'), `'9007199254740993'::bigint`],
    ['bigint negative', field.bigint().default(-5), `'-5'::integer`],
    ['smallint negative', field.smallint().default(-3), `'-3'::integer`],
    ['decimal 0', field.decimal(10, 2).default(0), '0'],
    ['decimal string', field.decimal(10, 2).default('9.99'), '9.99'],
    ['decimal string integer', field.decimal().default('10'), `'10'::numeric`],
    ['decimal negative', field.decimal().default(-1.5), `'-1.5'::numeric`],
    ['real', field.real().default(1.5), '1.5'],
    ['double small', field.double().default(1e-7), '0.0000001'],
    ['double huge', field.double().default(1e21), `'1000000000000000000000'::numeric`],
    ['boolean', field.boolean().default(true), 'true'],
    ['boolean false', field.boolean().default(false), 'false'],
    [
      'jsonb',
      field.jsonb().default({ b: 1, a: [1, 2], aa: null }),
      `'{"a": [1, 2], "b": 1, "aa": null}'::jsonb`,
    ],
    ['jsonb empty', field.jsonb().default({}), `'{}'::jsonb`],
    ['jsonb string', field.jsonb().default('x'), `'"x"'::jsonb`],
    ['json', field.json().default({ b: 1 }), `'{"b":1}'::json`],
    ['enum', field.enum(Status).default('active'), `'active'::public."UserStatus"`],
    [
      'uuid',
      field.uuid().default('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'),
      `'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid`,
    ],
    ['date', field.date().default('2020-01-01'), `'2020-01-01'::date`],
    ['bytea', field.bytea().default(new Uint8Array([0, 255])), `'\\x00ff'::bytea`],
    ['text[] empty', field.text().array().default([]), `'{}'::text[]`],
    [
      'text[] quoting',
      field
        .text()
        .array()
        .default(['a b', '', 'NULL', '"', null as unknown as string]),
      `'{"a b","","NULL","\\"",NULL}'::text[]`,
    ],
    ['integer[]', field.integer().array().default([1, 2]), `'{1,2}'::integer[]`],
    ['enum[]', field.enum(Status).array().default(['active']), `'{active}'::public."UserStatus"[]`],
    ['varchar[]', field.string().max(10).array().default(['a']), `'{a}'::character varying[]`],
    ['sql', field.timestamp().default(sql`now()`), 'now()'],
    ['CURRENT_TIMESTAMP', field.timestamp().default(sql`CURRENT_TIMESTAMP`), 'CURRENT_TIMESTAMP'],
    ['null', field.text().optional().default(null), null],
    ['createdAt', field.createdAt(), 'now()'],
    ['updatedAt', field.updatedAt(), 'now()'],
    ['uuid key', field.uuid().primaryKey(), 'gen_random_uuid()'],
    ['uuid key, no default', field.uuid().primaryKey().default(null), null],
  ])('default: %s', (_label, f, expected) => {
    expect(col(f).default).toBe(expected);
  });

  it('refuses defaults that are not of the type', () => {
    expect(() => col(field.enum(Status).default('nope' as 'active'))).toThrow(ModelError);
    expect(() => col(field.uuid().default('not-a-uuid'))).toThrow(/not a uuid/);
    expect(() => col(field.decimal().default('1e5x'))).toThrow(ModelError);
  });

  it('identity, generated, comment, collation', () => {
    const id = col(field.integer().primaryKey().identity());
    expect(id.identity).toEqual({
      generation: 'BY DEFAULT',
      sequence: {
        name: 't_value_seq',
        type: 'integer',
        start: '1',
        increment: '1',
        minValue: '1',
        maxValue: '2147483647',
        cache: '1',
        cycle: false,
      },
    });
    expect(id.default).toBeNull();
    const always = col(field.bigint().identity({ always: true, increment: -1 }));
    expect(always.identity?.generation).toBe('ALWAYS');
    expect(always.identity?.sequence).toMatchObject({
      minValue: '-9223372036854775808',
      maxValue: '-1',
      start: '-1',
    });
    expect(always.notNull).toBe(true);
    expect(() => col(field.text().identity())).toThrow(/integer type/);
    expect(() => col(field.integer().identity({ start: 1.5 }))).toThrow(ModelError);
    expect(col(field.integer().generated(sql`1 + 1`)).generated).toBe('1 + 1');
    expect(col(field.text().comment('hi')).comment).toBe('hi');
    expect(col(field.text().collate('C')).collation).toEqual({ schema: 'pg_catalog', name: 'C' });
  });

  it('builders are immutable', () => {
    const base = field.string().max(10);
    const a = base.optional();
    const b = base.unique();
    expect(base.config.nullable).toBe(false);
    expect(base.config.unique).toBeNull();
    expect(a.config.unique).toBeNull();
    expect(b.config.nullable).toBe(false);
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(base.config)).toBe(true);
  });
});

describe('constraints, indexes and names', () => {
  const PgUser = defineModel(
    'users',
    {
      id: field.uuid().primaryKey(),
      email: field.string().max(255).unique(),
      status: field.enum(Status).default('active').index(),
      age: field.integer().check(sql`age >= 0`),
      createdAt: field.createdAt(),
    },
    {
      indexes: [{ columns: ['status'], where: "status = 'active'" }],
      checks: [sql`age < 200 OR email <> ''`],
    },
  );
  const PgPost = defineModel('posts', {
    id: field.integer().primaryKey().identity(),
    authorId: field.uuid().references(PgUser, { onDelete: 'CASCADE' }),
    editorId: field
      .uuid()
      .optional()
      .references(PgUser.ref('id'), { onUpdate: 'SET NULL', name: 'editor_fk' }),
    parentId: field
      .integer()
      .optional()
      .references((): ModelLike => PgPost),
  });
  const s = modelsToSnapshot(PgUser, PgPost);

  it('uses PostgreSQL’s default names', () => {
    const users = s.tables.find((t) => t.name === 'users')!;
    expect(users.constraints.map((c) => [c.kind, c.name])).toEqual([
      ['check', 'users_age_check'],
      ['check', 'users_check'],
      ['unique', 'users_email_key'],
      ['primaryKey', 'users_pkey'],
    ]);
    expect(s.indexes.map((i) => i.name)).toEqual(['users_status_idx', 'users_status_idx1']);
    const posts = s.tables.find((t) => t.name === 'posts')!;
    expect(posts.constraints.map((c) => c.name)).toEqual([
      'editor_fk',
      'posts_author_id_fkey',
      'posts_parent_id_fkey',
      'posts_pkey',
    ]);
    expect(posts.columns.map((c) => c.name)).toEqual(['id', 'author_id', 'editor_id', 'parent_id']);
  });

  it('foreign keys point at the referenced primary key, with their actions', () => {
    const posts = s.tables.find((t) => t.name === 'posts')!;
    expect(posts.constraints.find((c) => c.name === 'posts_author_id_fkey')).toEqual({
      kind: 'foreignKey',
      name: 'posts_author_id_fkey',
      columns: ['author_id'],
      references: { table: { schema: 'public', name: 'users' }, columns: ['id'] },
      match: 'SIMPLE',
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
      onDeleteColumns: null,
      deferrable: false,
      initiallyDeferred: false,
      comment: null,
    });
    expect(posts.constraints.find((c) => c.name === 'editor_fk')).toMatchObject({
      onUpdate: 'SET NULL',
      onDelete: 'NO ACTION',
    });
    expect(posts.constraints.find((c) => c.name === 'posts_parent_id_fkey')).toMatchObject({
      references: { table: { schema: 'public', name: 'posts' }, columns: ['id'] },
    });
  });

  it('includes enums used by fields', () => {
    expect(s.enums).toEqual([
      { schema: 'public', name: 'UserStatus', values: ['active', 'inactive'], comment: null },
    ]);
  });

  it('table options: composite keys, unique sets, indexes, checks, foreign keys, comment', () => {
    const Other = defineEnum('kind', ['a'], { schema: 'Other Schema' });
    const M = defineModel(
      'Mixed Case',
      {
        tenantId: field.integer(),
        itemId: field.integer(),
        kind: field.enum(Other).optional(),
        doc: field.jsonb(),
        lowerName: field.text().column('Lower Name'),
      },
      {
        schema: 'Other Schema',
        primaryKey: ['tenantId', 'item_id'],
        uniques: [
          ['kind', 'doc'],
          { columns: ['doc'], name: 'doc_unique', include: ['kind'], nullsNotDistinct: true },
        ],
        indexes: [
          {
            columns: [{ expression: 'lower(Lower Name)' }, { column: 'itemId', desc: true }],
            include: ['kind'],
          },
          { columns: ['doc'], method: 'gin', name: 'doc_gin', with: { fastupdate: 'off' } },
          { columns: [{ column: 'doc', opclass: 'jsonb_path_ops' }], method: 'gin' },
          { columns: [{ expression: '(tenant_id + item_id)' }, { expression: 'a * b' }] },
        ],
        checks: [{ expression: 'tenant_id > 0', name: 'positive' }],
        foreignKeys: [
          {
            columns: ['tenantId', 'itemId'],
            references: { table: 'items', schema: 'x', columns: ['t', 'i'] },
            match: 'FULL',
          },
        ],
        comment: 'mixed',
      },
    );
    const snap = modelsToSnapshot(M);
    const t = snap.tables[0]!;
    expect(snap.schemas).toEqual([{ name: 'Other Schema', comment: null }]);
    expect(t.comment).toBe('mixed');
    expect(t.columns.map((c) => [c.name, c.notNull])).toEqual([
      ['tenant_id', true],
      ['item_id', true],
      ['kind', false],
      ['doc', true],
      ['Lower Name', true],
    ]);
    expect(t.constraints.map((c) => c.name)).toEqual([
      'Mixed Case_kind_doc_key',
      'Mixed Case_pkey',
      'Mixed Case_tenant_id_item_id_fkey',
      'doc_unique',
      'positive',
    ]);
    expect(snap.indexes.map((i) => [i.name, i.method])).toEqual([
      ['Mixed Case_doc_idx', 'gin'],
      ['Mixed Case_expr_expr1_idx', 'btree'],
      ['Mixed Case_lower_item_id_kind_idx', 'btree'],
      ['doc_gin', 'gin'],
    ]);
    const byName = Object.fromEntries(snap.indexes.map((i) => [i.name, i]));
    expect(byName['Mixed Case_lower_item_id_kind_idx']!.keys[1]).toMatchObject({
      column: 'item_id',
      descending: true,
      nullsFirst: true,
    });
    expect(byName['Mixed Case_doc_idx']!.keys[0]!.opclass).toEqual({
      schema: 'pg_catalog',
      name: 'jsonb_path_ops',
    });
    expect(byName.doc_gin!.options).toEqual({ fastupdate: 'off' });
  });

  it('truncates long default names like PostgreSQL (63 bytes, longer part first)', () => {
    const long = 'x'.repeat(62);
    const M = defineModel(long, {
      [`y${'y'.repeat(59)}`]: field.integer().unique(),
      z: field.integer().index(),
    });
    const snap = modelsToSnapshot(M);
    expect(snap.tables[0]!.constraints[0]!.name).toBe(`${'x'.repeat(29)}_${'y'.repeat(29)}_key`);
    expect(snap.indexes[0]!.name).toBe(`${'x'.repeat(57)}_z_idx`);
  });

  it('refuses names longer than 63 bytes rather than truncating them', () => {
    expect(() => defineModel('ü'.repeat(32), {})).toThrow(/64 bytes/);
    expect(() => modelsToSnapshot(defineModel('t', { a: field.integer().column('a'.repeat(64)) }))).toThrow(
      ModelError,
    );
    expect(() =>
      modelsToSnapshot(defineModel('t', { a: field.integer().unique({ name: 'k'.repeat(64) }) })),
    ).toThrow(/NAME_TOO_LONG|63/);
  });

  it('refuses a NUL character anywhere and a name starting with a byte-order mark (found by the reliability suite)', () => {
    const nul = (f: () => unknown) => expect(f).toThrow(/NUL character/);
    nul(() => defineModel('a\u0000b', {}));
    nul(() => modelsToSnapshot(defineModel('t', { a: field.integer().column('a\u0000b') })));
    nul(() => defineEnum('e', ['a\u0000b']));
    nul(() => modelsToSnapshot(defineModel('t', { a: field.text().comment('a\u0000b') })));
    nul(() => modelsToSnapshot(defineModel('t', { a: field.text().default('a\u0000b') })));
    nul(() => modelsToSnapshot(defineModel('t', { a: field.integer() }, { comment: 'a\u0000b' })));
    expect(() => defineModel('\uFEFFbom', {})).toThrow(/U\+FEFF/);
    expect(() => modelsToSnapshot(defineModel('t', { a: field.text().column('\uFEFFbom') }))).toThrow(
      ModelError,
    );
    // Not leading, a byte-order mark is an ordinary character of the name.
    expect(
      modelsToSnapshot(defineModel('t', { a: field.text().column('a\uFEFF') })).tables[0]!.columns[0]!.name,
    ).toBe('a\uFEFF');
  });

  it('refuses unknown columns, duplicate columns and duplicate models', () => {
    expect(() =>
      modelsToSnapshot(defineModel('t', { a: field.integer() }, { indexes: [{ columns: ['b'] }] })),
    ).toThrow(/no column or property "b"/);
    expect(() => modelsToSnapshot(defineModel('t', { aB: field.integer(), a_b: field.integer() }))).toThrow(
      /appears twice/,
    );
    expect(() => modelsToSnapshot(defineModel('t', {}), defineModel('t', {}))).toThrow(/two models/);
  });

  it('naming: preserve keeps properties as written', () => {
    const M = defineModel('t', { createdAt: field.createdAt() }, { naming: 'preserve' });
    expect(modelsToSnapshot(M).tables[0]!.columns[0]!.name).toBe('createdAt');
  });
});

describe('renamedFrom', () => {
  it('becomes a rename hint with the new column name', async () => {
    const { renameHintsOf } = await import('../src/index.js');
    const M = defineModel(
      'users',
      { fullName: field.text().renamedFrom('name'), email: field.text() },
      { schema: 's' },
    );
    expect(renameHintsOf(M)).toEqual([
      { kind: 'column', schema: 's', table: 'users', from: 'name', to: 'full_name' },
    ]);
    expect(modelsToSnapshot(M).tables[0]!.columns.map((c) => c.name)).toEqual(['full_name', 'email']);
  });
});
