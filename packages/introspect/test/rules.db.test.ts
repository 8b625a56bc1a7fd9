import { describe, expect, it } from 'vitest';
import { HOSTILE, q, useDatabase } from './helpers.js';

const { quote, dot, mixed, keyword } = HOSTILE;

const ctx = useDatabase(`
  CREATE SCHEMA ${q(mixed)};
  CREATE COLLATION ${q(mixed)}.${q(quote)} (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
  COMMENT ON COLLATION ${q(mixed)}.${q(quote)} IS 'ignores case';
  CREATE COLLATION public.${q(dot)} (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');
  CREATE TABLE ${q(mixed)}.${q(keyword)} (id int, name text COLLATE ${q(mixed)}.${q(quote)});
  CREATE TABLE public.log (id int, what text);
  CREATE RULE ${q(quote)} AS ON INSERT TO ${q(mixed)}.${q(keyword)} WHERE new.id > 5
    DO ALSO INSERT INTO public.log VALUES (new.id, new.name);
  COMMENT ON RULE ${q(quote)} ON ${q(mixed)}.${q(keyword)} IS 'audits';
  CREATE VIEW public.v AS SELECT id, what FROM public.log;
  CREATE RULE v_del AS ON DELETE TO public.v DO INSTEAD DELETE FROM public.log WHERE log.id = old.id;
`);

describe('collations', () => {
  it('reads user collations with their provider, locale, determinism and comment', () => {
    expect(ctx.snapshot.collations).toEqual([
      {
        schema: mixed,
        name: quote,
        provider: 'icu',
        locale: 'und-u-ks-level2',
        lcCollate: null,
        lcCtype: null,
        deterministic: false,
        icuRules: null,
        comment: 'ignores case',
      },
      {
        schema: 'public',
        name: dot,
        provider: 'libc',
        locale: null,
        lcCollate: 'C',
        lcCtype: 'POSIX',
        deterministic: true,
        icuRules: null,
        comment: null,
      },
    ]);
  });

  it('names a column’s user collation and records that the column depends on it', () => {
    const t = ctx.snapshot.tables.find((x) => x.name === keyword);
    expect(t?.columns.find((c) => c.name === 'name')?.collation).toEqual({ schema: mixed, name: quote });
    expect(ctx.snapshot.dependencies).toContainEqual({
      from: { kind: 'column', schema: mixed, name: keyword, column: 'name' },
      on: { kind: 'collation', schema: mixed, name: quote },
    });
  });
});

describe('rules', () => {
  it('reads rules on tables and views (not a view’s _RETURN rule), with their definition and comment', () => {
    expect(ctx.snapshot.rules?.map((r) => [r.schema, r.table, r.name, r.comment])).toEqual([
      [mixed, keyword, quote, 'audits'],
      ['public', 'v', 'v_del', null],
    ]);
    const audit = ctx.snapshot.rules?.[0];
    expect(audit?.definition).toMatch(
      /^ON INSERT TO "Mixed Case"\."select"\s+WHERE new\.id > 5 DO {2}INSERT INTO public\.log/,
    );
    expect(audit?.definition.endsWith(';')).toBe(false);
    expect(ctx.snapshot.rules?.[1]?.definition).toMatch(
      /^ON DELETE TO public\.v DO INSTEAD {2}DELETE FROM public\.log/,
    );
  });

  it('records what a rule reads and writes', () => {
    expect(ctx.snapshot.dependencies).toContainEqual({
      from: { kind: 'rule', schema: mixed, name: quote, table: keyword },
      on: { kind: 'column', schema: 'public', name: 'log', column: 'what' },
    });
    expect(ctx.snapshot.dependencies).toContainEqual({
      from: { kind: 'rule', schema: mixed, name: quote, table: keyword },
      on: { kind: 'column', schema: mixed, name: keyword, column: 'name' },
    });
  });
});
