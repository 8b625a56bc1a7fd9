import { qualifiedName } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { HOSTILE, q, tableOf, useDatabase } from './helpers.js';

const { quote, dot, mixed, keyword, unicode, long } = HOSTILE;

const ctx = useDatabase(`
  CREATE SCHEMA ${q(dot)};
  CREATE TABLE ${q(dot)}.${q(mixed)} (
    id int,
    ${q(keyword)} text,
    code text,
    x int,
    y int,
    CONSTRAINT ${q(long)} PRIMARY KEY (id) INCLUDE (${q(keyword)}),
    CONSTRAINT ${q(quote)} UNIQUE (code, y) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT code_x UNIQUE (code, x),
    CONSTRAINT nnd UNIQUE NULLS NOT DISTINCT (y),
    CONSTRAINT positive CHECK (x > 0) NO INHERIT,
    CONSTRAINT ${q(unicode)} CHECK (${q(keyword)} <> '') NOT VALID
  );
  COMMENT ON CONSTRAINT ${q(quote)} ON ${q(dot)}.${q(mixed)} IS 'natural key';
  CREATE TABLE public.child2 (a int, b int, UNIQUE (a, b));
  CREATE TABLE public.child (
    id int,
    parent_id int,
    code text,
    px int,
    owner int,
    CONSTRAINT fk_full FOREIGN KEY (code, px) REFERENCES ${q(dot)}.${q(mixed)} (code, x)
      MATCH FULL ON DELETE CASCADE ON UPDATE RESTRICT DEFERRABLE,
    CONSTRAINT fk_plain FOREIGN KEY (parent_id) REFERENCES ${q(dot)}.${q(mixed)},
    CONSTRAINT fk_setnull FOREIGN KEY (parent_id, owner) REFERENCES public.child2 (a, b)
      ON DELETE SET NULL (owner) ON UPDATE SET DEFAULT
  );
  CREATE TABLE public.rooms (room int, during tstzrange,
    CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (room > 0));
  CREATE TABLE public.base (v int CONSTRAINT base_v_check CHECK (v > 0), UNIQUE (v));
  CREATE TABLE public.derived () INHERITS (public.base);
  CREATE TABLE public.parted (id int PRIMARY KEY, ref int REFERENCES public.base (v)) PARTITION BY HASH (id);
  CREATE TABLE public.parted_0 PARTITION OF public.parted FOR VALUES WITH (MODULUS 2, REMAINDER 0);
  ALTER TABLE public.child ADD CONSTRAINT unchecked CHECK (px < 10) NOT VALID;
  ALTER TABLE public.child ADD CONSTRAINT fk_unchecked FOREIGN KEY (owner) REFERENCES public.base (v) NOT VALID;
`);

const constraint = (schema: string, table: string, name: string) => {
  const c = tableOf(ctx.snapshot, schema, table).constraints.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no constraint ${name} on ${schema}.${table}`);
  return c;
};

describe('primary key and unique constraints', () => {
  it('reads a primary key with INCLUDE columns', () => {
    expect(constraint(dot, mixed, long)).toEqual({
      kind: 'primaryKey',
      name: long,
      columns: ['id'],
      include: [keyword],
      deferrable: false,
      initiallyDeferred: false,
      comment: null,
    });
  });

  it('reads unique constraints: deferrable, NULLS NOT DISTINCT, comment', () => {
    expect(constraint(dot, mixed, quote)).toEqual({
      kind: 'unique',
      name: quote,
      columns: ['code', 'y'],
      include: [],
      nullsNotDistinct: false,
      deferrable: true,
      initiallyDeferred: true,
      comment: 'natural key',
    });
    expect(constraint(dot, mixed, 'nnd')).toMatchObject({
      kind: 'unique',
      columns: ['y'],
      nullsNotDistinct: true,
    });
  });

  it('does not list the indexes behind constraints as indexes', () => {
    expect(ctx.snapshot.indexes.map((i) => i.name)).toEqual([]);
  });
});

describe('check constraints', () => {
  it('reads the expression as pg_get_expr prints it and NO INHERIT', () => {
    expect(constraint(dot, mixed, 'positive')).toEqual({
      kind: 'check',
      name: 'positive',
      expression: '(x > 0)',
      noInherit: true,
      deferrable: false,
      initiallyDeferred: false,
      comment: null,
    });
    expect(constraint(dot, mixed, unicode)).toMatchObject({
      kind: 'check',
      expression: `("select" <> ''::text)`,
      noInherit: false,
    });
  });

  it('reads NOT VALID checks and foreign keys; a valid one has no notValid', () => {
    expect(constraint('public', 'child', 'unchecked')).toMatchObject({ kind: 'check', notValid: true });
    expect(constraint('public', 'child', 'fk_unchecked')).toMatchObject({
      kind: 'foreignKey',
      notValid: true,
    });
    // Written NOT VALID inside CREATE TABLE: PostgreSQL validates it (the table is empty).
    expect(constraint(dot, mixed, unicode)).not.toHaveProperty('notValid');
    expect(constraint('public', 'child', 'fk_plain')).not.toHaveProperty('notValid');
  });

  it('lists an inherited check once, on the table that declares it', () => {
    expect(tableOf(ctx.snapshot, 'public', 'base').constraints.map((c) => c.name)).toContain('base_v_check');
    expect(tableOf(ctx.snapshot, 'public', 'derived').constraints).toEqual([]);
  });
});

describe('foreign keys', () => {
  it('reads columns, referenced table and columns, match, actions and deferrability', () => {
    expect(constraint('public', 'child', 'fk_full')).toEqual({
      kind: 'foreignKey',
      name: 'fk_full',
      columns: ['code', 'px'],
      references: { table: qualifiedName(dot, mixed), columns: ['code', 'x'] },
      match: 'FULL',
      onDelete: 'CASCADE',
      onUpdate: 'RESTRICT',
      onDeleteColumns: null,
      deferrable: true,
      initiallyDeferred: false,
      comment: null,
    });
    expect(constraint('public', 'child', 'fk_plain')).toMatchObject({
      columns: ['parent_id'],
      references: { table: qualifiedName(dot, mixed), columns: ['id'] },
      match: 'SIMPLE',
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    });
  });

  it('reads ON DELETE SET NULL (columns)', () => {
    expect(constraint('public', 'child', 'fk_setnull')).toMatchObject({
      onDelete: 'SET NULL',
      onUpdate: 'SET DEFAULT',
      onDeleteColumns: ['owner'],
    });
  });
});

describe('exclusion constraints', () => {
  it('reads the definition as pg_get_constraintdef prints it', () => {
    expect(constraint('public', 'rooms', 'no_overlap')).toEqual({
      kind: 'exclusion',
      name: 'no_overlap',
      definition: 'EXCLUDE USING gist (during WITH &&) WHERE ((room > 0))',
      deferrable: false,
      initiallyDeferred: false,
      comment: null,
    });
  });
});

describe('partitioned tables', () => {
  it('lists a partitioned parent constraint once, not again on each partition', () => {
    const parent = tableOf(ctx.snapshot, 'public', 'parted')
      .constraints.map((c) => c.kind)
      .sort();
    expect(parent).toEqual(['foreignKey', 'primaryKey']);
    expect(tableOf(ctx.snapshot, 'public', 'parted_0').constraints).toEqual([]);
  });
});
