import { builtinType, qualifiedName, userType } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { introspect } from '../src/index.js';
import { byName, HOSTILE, q, useDatabase } from './helpers.js';

const { quote, dot, mixed, keyword, unicode, long } = HOSTILE;

const ctx = useDatabase(
  `
  CREATE SCHEMA ${q(mixed)};
  CREATE SCHEMA ${q(dot)};
  CREATE SCHEMA ${q(long)};
  CREATE SCHEMA ${q(unicode)};
  COMMENT ON SCHEMA ${q(mixed)} IS 'it''s mixed';
  CREATE TEMP TABLE scratch (id int);
  CREATE TABLE ${q(mixed)}.t (id int);
  CREATE TABLE ${q(dot)}.t (id int);

  CREATE TYPE ${q(unicode)}.${q(mixed)} AS ENUM ('b', 'it''s', '${quote}');
  ALTER TYPE ${q(unicode)}.${q(mixed)} ADD VALUE 'a' BEFORE 'b';
  ALTER TYPE ${q(unicode)}.${q(mixed)} ADD VALUE 'z' AFTER 'it''s';
  COMMENT ON TYPE ${q(unicode)}.${q(mixed)} IS 'states';
  CREATE TYPE public.${q(long)} AS ENUM ();

  CREATE DOMAIN public.${q(keyword)} AS numeric(10,2) DEFAULT 1.5 NOT NULL
    CONSTRAINT ${q(quote)} CHECK (VALUE > 0) CONSTRAINT positive_small CHECK (VALUE < 1000);
  COMMENT ON DOMAIN public.${q(keyword)} IS 'money';
  CREATE DOMAIN public.code AS varchar(8) COLLATE "C";
  CREATE TYPE public.mood AS ENUM ('ok');
  CREATE DOMAIN public.moods AS public.mood[];

  CREATE TYPE ${q(dot)}.status AS ENUM ('on');
  CREATE TYPE ${q(dot)}.${q(mixed)} AS (${q(keyword)} int, b text COLLATE "C", c ${q(dot)}.status[], d timestamp(3));
  ALTER TYPE ${q(dot)}.${q(mixed)} DROP ATTRIBUTE b;
  ALTER TYPE ${q(dot)}.${q(mixed)} ADD ATTRIBUTE e varchar(3) COLLATE "C";
  COMMENT ON TYPE ${q(dot)}.${q(mixed)} IS 'pair';

  CREATE FUNCTION public.mine() RETURNS int LANGUAGE sql AS 'SELECT 1';
  `,
  {},
  { extensions: ['uuid-ossp'] },
);

describe('schemas', () => {
  it('reads user schemas with comments and leaves system, temporary and toast schemas out', () => {
    const s = ctx.snapshot;
    expect(s.schemas.map((x) => x.name)).toEqual([mixed, dot, 'public', long, unicode].sort());
    expect(s.schemas.find((x) => x.name === mixed)?.comment).toBe("it's mixed");
    expect(s.schemas.find((x) => x.name === dot)?.comment).toBeNull();
    expect(s.tables.map((t) => t.schema)).toEqual([mixed, dot].sort());
  });

  it('includes and excludes schemas by name', async () => {
    const only = await introspect(ctx.db.driver, { schemas: [dot, unicode, 'nope'] });
    expect(only.schemas.map((x) => x.name)).toEqual([dot, unicode].sort());
    expect(only.tables.map((t) => t.schema)).toEqual([dot]);
    expect(only.enums.map((e) => e.schema)).toEqual([dot, unicode].sort());
    expect(only.domains).toEqual([]);
    expect(only.extensions).toEqual([]);
    const except = await introspect(ctx.db.driver, { excludeSchemas: ['public', dot] });
    expect(except.schemas.map((x) => x.name)).toEqual([mixed, long, unicode].sort());
    expect(except.tables.map((t) => t.schema)).toEqual([mixed]);
    expect(except.compositeTypes).toEqual([]);
    const both = await introspect(ctx.db.driver, { schemas: [dot, mixed], excludeSchemas: [dot] });
    expect(both.schemas.map((x) => x.name)).toEqual([mixed]);
  });
});

describe('enums', () => {
  it('reads values in sort order, including values added BEFORE/AFTER, with comments', () => {
    expect(byName(ctx.snapshot.enums, unicode, mixed, 'enum')).toEqual({
      schema: unicode,
      name: mixed,
      values: ['a', 'b', "it's", 'z', quote],
      comment: 'states',
    });
    expect(byName(ctx.snapshot.enums, 'public', long, 'enum').values).toEqual([]);
  });
});

describe('domains', () => {
  it('reads base type, default, not null, checks and comment', () => {
    expect(byName(ctx.snapshot.domains, 'public', keyword, 'domain')).toEqual({
      schema: 'public',
      name: keyword,
      type: builtinType('numeric(10,2)'),
      collation: null,
      default: '1.5',
      notNull: true,
      checks: [
        { name: quote, expression: '(VALUE > (0)::numeric)' },
        { name: 'positive_small', expression: '(VALUE < (1000)::numeric)' },
      ],
      comment: 'money',
    });
  });

  it('reads a collation other than the base type default, and array base types', () => {
    const code = byName(ctx.snapshot.domains, 'public', 'code', 'domain');
    expect(code.type).toEqual(builtinType('character varying(8)'));
    expect(code.collation).toEqual(qualifiedName('pg_catalog', 'C'));
    expect(code.notNull).toBe(false);
    expect(code.default).toBeNull();
    expect(code.checks).toEqual([]);
    expect(byName(ctx.snapshot.domains, 'public', 'moods', 'domain').type).toEqual(
      userType('public', 'mood', { array: true }),
    );
  });
});

describe('composite types', () => {
  it('reads attributes in order (dropped ones skipped) with types and collations', () => {
    expect(ctx.snapshot.compositeTypes).toEqual([
      {
        schema: dot,
        name: mixed,
        attributes: [
          { name: keyword, type: builtinType('integer'), collation: null },
          { name: 'c', type: userType(dot, 'status', { array: true }), collation: null },
          { name: 'd', type: builtinType('timestamp(3) without time zone'), collation: null },
          {
            name: 'e',
            type: builtinType('character varying(3)'),
            collation: qualifiedName('pg_catalog', 'C'),
          },
        ],
        comment: 'pair',
      },
    ]);
  });
});

describe('extensions', () => {
  it('records the extension and leaves out the objects it owns', () => {
    const s = ctx.snapshot;
    expect(s.extensions).toHaveLength(1);
    expect(s.extensions[0]).toMatchObject({ name: 'uuid-ossp', schema: 'public' });
    expect(s.extensions[0]?.version).toMatch(/^\d/);
    // uuid-ossp puts uuid_generate_v4() and friends in public: they are members, so not listed.
    expect(s.functions.map((f) => f.name)).toEqual(['mine']);
  });
});
