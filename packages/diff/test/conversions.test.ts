import { builtinType, type Domain, snapshot, type TypeRef, table, userType } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { conversion, diff, NoCastError } from '../src/index.js';

const b = builtinType;
const arr = (t: TypeRef): TypeRef => ({ ...t, array: true });
const dom = (name: string, type: TypeRef): Domain => ({
  schema: 'public',
  name,
  type,
  collation: null,
  default: null,
  notNull: false,
  checks: [],
  comment: null,
});
const types = snapshot({
  enums: [
    { schema: 'public', name: 'a', values: ['x', 'y'], comment: null },
    { schema: 'public', name: 'b', values: ['x', 'y', 'z'], comment: null },
  ],
  domains: [dom('txt', b('text')), dom('num', b('integer'))],
});
const u = (name: string): TypeRef => userType('public', name);

const show = (t: TypeRef): string =>
  `${t.schema === 'pg_catalog' ? '' : `${t.schema}.`}${t.name}${t.array ? '[]' : ''}`;

describe('conversion', () => {
  const rows: [TypeRef, TypeRef, string][] = [
    [b('bigint'), b('timestamp with time zone'), 'none'],
    [b('time without time zone'), b('timestamp without time zone'), 'none'],
    [b('smallint'), b('boolean'), 'none'],
    [b('integer'), b('boolean'), 'cast'],
    [b('integer'), b('jsonb'), 'none'],
    [b('jsonb'), b('integer'), 'cast'],
    [b('uuid'), b('bytea'), 'none'],
    [b('text'), b('uuid'), 'cast'],
    [b('uuid'), b('character varying(36)'), 'cast'],
    [b('timestamp(3) with time zone'), b('time with time zone'), 'cast'],
    [b('date'), b('time without time zone'), 'none'],
    [b('numeric(10,2)'), b('money'), 'cast'],
    [arr(b('text')), arr(b('integer')), 'cast'],
    [arr(b('uuid')), b('uuid'), 'none'],
    [arr(b('integer')), b('text'), 'cast'],
    [u('a'), u('b'), 'via-text'],
    [u('a'), b('text'), 'cast'],
    [b('text'), u('a'), 'cast'],
    [b('integer'), u('a'), 'none'],
    [u('txt'), b('integer'), 'cast'],
    [b('bigint'), u('num'), 'cast'],
    [b('interval'), u('num'), 'none'],
    [b('point'), b('box'), 'unknown'],
    [userType('public', 'ext_type'), b('integer'), 'unknown'],
  ];
  it.each(rows.map(([from, to, expected]) => ({ title: `${show(from)} → ${show(to)}`, from, to, expected })))(
    '$title: $expected',
    ({ from, to, expected }) => {
      expect(conversion(from, to, types, types)).toBe(expected);
    },
  );
});

describe('a type change with no cast', () => {
  const t = (type: TypeRef) =>
    snapshot({ tables: [table({ schema: 'app', name: 'ev"s', columns: [{ name: 'at', type }] })] });

  it('is a NoCastError naming the column and both types, never SQL that fails when it runs', () => {
    const run = () => diff(t(b('bigint')), t(b('timestamp with time zone')));
    expect(run).toThrow(NoCastError);
    try {
      run();
    } catch (error) {
      const e = error as NoCastError;
      expect(e.code).toBe('UNSAFE_CHANGE');
      expect(e.table).toEqual({ schema: 'app', name: 'ev"s' });
      expect(e.column).toBe('at');
      expect([e.from, e.to]).toEqual(['bigint', 'timestamp with time zone']);
      expect(e.message).toContain('column "app"."ev""s"."at" from bigint to timestamp with time zone');
      expect(e.message).toContain('hand-written migration');
    }
  });

  it('enum to another enum converts label by label, through text', () => {
    const withTable = (type: TypeRef) =>
      snapshot({
        ...types,
        tables: [table({ schema: 'public', name: 't', columns: [{ name: 'v', type }] })],
      });
    const p = diff(withTable(u('a')), withTable(u('b')));
    expect(p.statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE "public"."t" ALTER COLUMN "v" TYPE "public"."b" USING "v"::text::"public"."b"',
    ]);
  });
});
