import { index, qualifiedName } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { byName, HOSTILE, q, useDatabase } from './helpers.js';

const { quote, dot, mixed, keyword, unicode, long } = HOSTILE;

const ctx = useDatabase(`
  CREATE SCHEMA ${q(dot)};
  CREATE TABLE ${q(dot)}.${q(mixed)} (
    id int PRIMARY KEY,
    email varchar(200),
    ${q(keyword)} int,
    tags text[],
    doc jsonb,
    name text,
    at timestamptz
  );
  CREATE INDEX ${q(quote)} ON ${q(dot)}.${q(mixed)} (${q(keyword)} DESC, email NULLS FIRST);
  CREATE UNIQUE INDEX ${q(long)} ON ${q(dot)}.${q(mixed)} (email) INCLUDE (${q(keyword)}, id)
    WHERE ${q(keyword)} > 0;
  CREATE INDEX ${q(unicode)} ON ${q(dot)}.${q(mixed)} (lower(name) DESC NULLS LAST, (${q(keyword)} + id));
  CREATE INDEX tags_gin ON ${q(dot)}.${q(mixed)} USING gin (tags) WITH (fastupdate = off);
  CREATE INDEX doc_path ON ${q(dot)}.${q(mixed)} USING gin (doc jsonb_path_ops);
  CREATE INDEX email_pattern ON ${q(dot)}.${q(mixed)} (email varchar_pattern_ops);
  CREATE INDEX name_c ON ${q(dot)}.${q(mixed)} (name COLLATE "C");
  CREATE INDEX at_brin ON ${q(dot)}.${q(mixed)} USING brin (at) WITH (pages_per_range = 32);
  CREATE INDEX id_hash ON ${q(dot)}.${q(mixed)} USING hash (id);
  CREATE UNIQUE INDEX nnd ON ${q(dot)}.${q(mixed)} (name) NULLS NOT DISTINCT;
  COMMENT ON INDEX ${q(dot)}.${q(quote)} IS 'the index';

  CREATE TABLE public.parted (id int, at date) PARTITION BY RANGE (at);
  CREATE TABLE public.parted_1 PARTITION OF public.parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
  CREATE INDEX parted_at ON public.parted (at);
  CREATE INDEX parted_1_local ON public.parted_1 (id);
  CREATE MATERIALIZED VIEW public.mv AS SELECT 1 AS n;
  CREATE UNIQUE INDEX mv_n ON public.mv (n);
`);

const idx = (schema: string, name: string) => byName(ctx.snapshot.indexes, schema, name, 'index');

describe('indexes', () => {
  it('reads column keys with direction and nulls order, and the comment', () => {
    expect(idx(dot, quote)).toEqual(
      index({
        schema: dot,
        name: quote,
        table: mixed,
        keys: [
          { column: keyword, descending: true, nullsFirst: true },
          { column: 'email', descending: false, nullsFirst: true },
        ],
        comment: 'the index',
      }),
    );
  });

  it('reads unique, INCLUDE and the partial index predicate', () => {
    expect(idx(dot, long)).toEqual(
      index({
        schema: dot,
        name: long,
        table: mixed,
        unique: true,
        keys: [{ column: 'email' }],
        include: [keyword, 'id'],
        where: `"select" > 0`,
      }),
    );
  });

  it('reads expression keys without their outer parentheses', () => {
    expect(idx(dot, unicode).keys).toEqual([
      {
        column: null,
        expression: 'lower(name)',
        collation: null,
        opclass: null,
        descending: true,
        nullsFirst: false,
      },
      {
        column: null,
        expression: `"select" + id`,
        collation: null,
        opclass: null,
        descending: false,
        nullsFirst: false,
      },
    ]);
  });

  it('reads the method, storage parameters, non-default operator classes and collations', () => {
    expect(idx(dot, 'tags_gin')).toMatchObject({ method: 'gin', options: { fastupdate: 'off' } });
    expect(idx(dot, 'tags_gin').keys[0]).toMatchObject({ column: 'tags', opclass: null, descending: false });
    expect(idx(dot, 'doc_path').keys[0]?.opclass).toEqual(qualifiedName('pg_catalog', 'jsonb_path_ops'));
    expect(idx(dot, 'email_pattern').keys[0]?.opclass).toEqual(
      qualifiedName('pg_catalog', 'varchar_pattern_ops'),
    );
    expect(idx(dot, 'name_c').keys[0]?.collation).toEqual(qualifiedName('pg_catalog', 'C'));
    expect(idx(dot, 'name_c').keys[0]?.opclass).toBeNull();
    expect(idx(dot, 'at_brin')).toMatchObject({ method: 'brin', options: { pages_per_range: '32' } });
    expect(idx(dot, 'id_hash')).toMatchObject({ method: 'hash', unique: false });
  });

  it('reads NULLS NOT DISTINCT', () => {
    expect(idx(dot, 'nnd')).toMatchObject({ unique: true, nullsNotDistinct: true });
    expect(idx(dot, long).nullsNotDistinct).toBe(false);
  });

  it('leaves out constraint indexes and partition indexes attached to a parent index', () => {
    const names = ctx.snapshot.indexes.map((i) => `${i.schema}.${i.name}`);
    expect(names).not.toContain(`${dot}.${mixed}_pkey`);
    expect(names).toContain('public.parted_at');
    expect(names).not.toContain('public.parted_1_at_idx');
    expect(names).toContain('public.parted_1_local');
  });

  it('reads indexes on materialized views', () => {
    expect(idx('public', 'mv_n')).toMatchObject({ table: 'mv', unique: true, keys: [{ column: 'n' }] });
  });
});
