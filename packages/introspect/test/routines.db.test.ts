import { qualifiedName } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { byName, HOSTILE, q, tableOf, useDatabase } from './helpers.js';

const { quote, dot, mixed, keyword, unicode, long } = HOSTILE;

const ctx = useDatabase(`
  CREATE SCHEMA ${q(dot)};
  CREATE TABLE ${q(dot)}.${q(mixed)} (id int PRIMARY KEY, ${q(keyword)} text, x int, y int);

  CREATE VIEW ${q(dot)}.${q(quote)} WITH (security_barrier) AS
    SELECT id, ${q(keyword)} FROM ${q(dot)}.${q(mixed)} WHERE x > 1 WITH CASCADED CHECK OPTION;
  COMMENT ON VIEW ${q(dot)}.${q(quote)} IS 'a view';
  COMMENT ON COLUMN ${q(dot)}.${q(quote)}.${q(keyword)} IS 'kw';
  CREATE VIEW public.local_view WITH (security_invoker = true) AS SELECT x AS one FROM ${q(dot)}.${q(mixed)} WITH LOCAL CHECK OPTION;
  CREATE MATERIALIZED VIEW public.${q(unicode)} AS SELECT count(*) AS n FROM ${q(dot)}.${q(mixed)} WITH NO DATA;

  CREATE FUNCTION ${q(dot)}.${q(long)}(a integer, b text DEFAULT 'x') RETURNS SETOF integer
    LANGUAGE sql STABLE STRICT PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog SET work_mem = '64kB'
    AS $$ SELECT a $$;
  COMMENT ON FUNCTION ${q(dot)}.${q(long)}(integer, text) IS 'overload 1';
  CREATE FUNCTION ${q(dot)}.${q(long)}(a bigint) RETURNS TABLE (v bigint) LANGUAGE sql IMMUTABLE LEAKPROOF
    AS $$ SELECT a $$;
  CREATE PROCEDURE public.${q(keyword)}(INOUT n int) LANGUAGE plpgsql AS $$ BEGIN n := n + 1; END $$;
  CREATE FUNCTION public.atomic(a int) RETURNS int LANGUAGE sql RETURN a + 1;
  CREATE AGGREGATE public.my_sum(int) (SFUNC = int4pl, STYPE = int);

  CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
  CREATE TRIGGER ${q(quote)} BEFORE INSERT OR UPDATE OF x, y ON ${q(dot)}.${q(mixed)}
    FOR EACH ROW WHEN (NEW.x > 0 AND NEW.${q(keyword)} <> ') EXECUTE FUNCTION ') EXECUTE FUNCTION public.trg('it''s', ${`'${unicode}'`});
  COMMENT ON TRIGGER ${q(quote)} ON ${q(dot)}.${q(mixed)} IS 'guard';
  CREATE TRIGGER after_stmt AFTER DELETE OR TRUNCATE ON ${q(dot)}.${q(mixed)}
    FOR EACH STATEMENT EXECUTE FUNCTION public.trg();
  CREATE CONSTRAINT TRIGGER deferred_check AFTER INSERT ON ${q(dot)}.${q(mixed)}
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.trg();
  CREATE TRIGGER instead INSTEAD OF INSERT ON ${q(dot)}.${q(quote)} FOR EACH ROW EXECUTE FUNCTION public.trg();

  ALTER TABLE ${q(dot)}.${q(mixed)} ENABLE ROW LEVEL SECURITY;
  CREATE POLICY ${q(mixed)} ON ${q(dot)}.${q(mixed)} AS RESTRICTIVE FOR UPDATE
    USING (x > 0) WITH CHECK (y > 0);
  CREATE POLICY everyone ON ${q(dot)}.${q(mixed)} USING (true);
  COMMENT ON POLICY everyone ON ${q(dot)}.${q(mixed)} IS 'open';
`);

describe('views', () => {
  it('reads a view: body, check option, security barrier, comments', () => {
    expect(byName(ctx.snapshot.views, dot, quote, 'view')).toMatchObject({
      materialized: false,
      columns: [],
      checkOption: 'CASCADED',
      securityBarrier: true,
      securityInvoker: false,
      columnComments: { [keyword]: 'kw' },
      comment: 'a view',
    });
    // Under search_path = pg_catalog, every user object in the body is schema-qualified.
    expect(byName(ctx.snapshot.views, dot, quote, 'view').definition).toContain(`FROM "a.b"."Mixed Case"`);
  });

  it('reads LOCAL check option, security_invoker and materialized views', () => {
    expect(byName(ctx.snapshot.views, 'public', 'local_view', 'view')).toMatchObject({
      checkOption: 'LOCAL',
      securityInvoker: true,
      securityBarrier: false,
    });
    expect(byName(ctx.snapshot.views, 'public', 'local_view', 'view').definition).toMatch(/x AS one/);
    const mv = byName(ctx.snapshot.views, 'public', unicode, 'view');
    expect(mv.materialized).toBe(true);
    expect(mv.definition).toContain('count(*) AS n');
    expect(mv.definition).toContain(`"a.b"."Mixed Case"`);
  });
});

describe('functions and procedures', () => {
  it('reads overloads with arguments, result, attributes, config and body', () => {
    const fns = ctx.snapshot.functions.filter((f) => f.name === long);
    expect(fns.map((f) => f.identityArguments)).toEqual(['a bigint', 'a integer, b text']);
    expect(fns[1]).toEqual({
      schema: dot,
      name: long,
      kind: 'function',
      arguments: "a integer, b text DEFAULT 'x'::text",
      identityArguments: 'a integer, b text',
      returns: 'SETOF integer',
      language: 'sql',
      volatility: 'STABLE',
      strict: true,
      securityDefiner: true,
      leakproof: false,
      parallel: 'SAFE',
      config: ['search_path=pg_catalog', 'work_mem=64kB'],
      body: ' SELECT a ',
      comment: 'overload 1',
    });
    expect(fns[0]).toMatchObject({ returns: 'TABLE(v bigint)', volatility: 'IMMUTABLE', leakproof: true });
  });

  it('reads procedures and SQL-standard bodies; leaves aggregates out', () => {
    const s = ctx.snapshot;
    expect(s.functions.find((f) => f.name === keyword)).toMatchObject({
      kind: 'procedure',
      returns: null,
      language: 'plpgsql',
      arguments: 'INOUT n integer',
    });
    expect(s.functions.find((f) => f.name === 'atomic')).toMatchObject({
      body: 'RETURN (a + 1)',
      sqlStandard: true,
    });
    expect(s.functions.find((f) => f.name === keyword)).not.toHaveProperty('sqlStandard');
    expect(s.functions.some((f) => f.name === 'my_sum')).toBe(false);
  });
});

describe('triggers', () => {
  const trigger = (table: string, name: string) => {
    const t = ctx.snapshot.triggers.find((x) => x.table === table && x.name === name);
    if (t === undefined) throw new Error(`no trigger ${name}`);
    return t;
  };

  it('reads timing, events, UPDATE OF columns, WHEN, function and arguments', () => {
    expect(trigger(mixed, quote)).toEqual({
      schema: dot,
      table: mixed,
      name: quote,
      timing: 'BEFORE',
      events: ['INSERT', 'UPDATE'],
      updateColumns: ['x', 'y'],
      level: 'ROW',
      when: `((new.x > 0) AND (new."select" <> ') EXECUTE FUNCTION '::text))`,
      function: qualifiedName('public', 'trg'),
      arguments: ["it's", unicode],
      constraint: false,
      deferrable: false,
      initiallyDeferred: false,
      comment: 'guard',
    });
  });

  it('reads statement-level, constraint and INSTEAD OF triggers', () => {
    expect(trigger(mixed, 'after_stmt')).toMatchObject({
      timing: 'AFTER',
      events: ['DELETE', 'TRUNCATE'],
      level: 'STATEMENT',
      when: null,
      arguments: [],
    });
    expect(trigger(mixed, 'deferred_check')).toMatchObject({
      constraint: true,
      deferrable: true,
      initiallyDeferred: true,
    });
    expect(trigger(quote, 'instead')).toMatchObject({
      timing: 'INSTEAD OF',
      events: ['INSERT'],
      level: 'ROW',
    });
  });

  it('leaves internal triggers (foreign keys, constraint triggers internals) out', () => {
    expect(ctx.snapshot.triggers.map((t) => t.name).sort()).toEqual(
      ['after_stmt', 'deferred_check', 'instead', quote].sort(),
    );
  });
});

describe('policies', () => {
  it('reads permissive/restrictive, command, roles, USING, WITH CHECK and comments', () => {
    const t = tableOf(ctx.snapshot, dot, mixed);
    expect(t.rowSecurity).toBe(true);
    expect(t.policies).toEqual([
      {
        name: mixed,
        permissive: false,
        command: 'UPDATE',
        roles: ['public'],
        using: '(x > 0)',
        withCheck: '(y > 0)',
        comment: null,
      },
      {
        name: 'everyone',
        permissive: true,
        command: 'ALL',
        roles: ['public'],
        using: 'true',
        withCheck: null,
        comment: 'open',
      },
    ]);
  });
});
