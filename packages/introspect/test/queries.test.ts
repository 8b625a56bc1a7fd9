import { readdirSync, readFileSync } from 'node:fs';
import { refKey } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { mapDependency } from '../src/map/dependencies.js';
import { unwrapIndexExpression } from '../src/map/relations.js';
import { triggerArguments, triggerWhen } from '../src/map/routines.js';
import { QUERY_NAMES, renderForVersion } from '../src/queries.js';

const dir = new URL('../src/queries/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));

describe('catalog query files', () => {
  it('are exactly the queries the code runs', () => {
    expect(files.map((f) => f.replace(/\.sql$/, '')).sort()).toEqual([...QUERY_NAMES].sort());
  });

  it.each(files)('%s qualifies every catalog reference with pg_catalog.', (file) => {
    const sql = readFileSync(new URL(file, dir), 'utf8').replace(/--.*$/gm, '');
    // Every pg_* relation or function, every format_type/quote_ident/... call is qualified.
    const unqualified = [
      ...sql.matchAll(
        /(?<![\w."])(pg_\w+|format_type|quote_ident|json_\w+|jsonb_\w+|to_json|unnest|generate_series|string_to_array|current_setting|acldefault|aclexplode|encode)\b(?=\s*[(.]|\s+AS\b|\s*$|\s)/gm,
      ),
    ]
      .map((m) => m[1])
      .filter((name) => name !== 'pg_catalog');
    expect(unqualified).toEqual([]);
  });

  it.each(files)('%s binds its inputs as parameters', (file) => {
    const sql = readFileSync(new URL(file, dir), 'utf8');
    if (file === 'version.sql' || file === 'lookups.sql') expect(sql).not.toMatch(/\$\d/);
    else expect(sql).toMatch(/\$1::pg_catalog\.(text|jsonb)/);
  });
});

describe('renderForVersion', () => {
  const sql =
    'SELECT /*@15+*/ i.indnullsnotdistinct /*@else*/ false /*@end*/ AS nnd, /*@14+*/ a /*@else*/ b /*@end*/';
  it('keeps the newer branch from its major on, the older one before', () => {
    expect(renderForVersion(sql, 13)).toBe('SELECT false AS nnd, b');
    expect(renderForVersion(sql, 14)).toBe('SELECT false AS nnd, a');
    expect(renderForVersion(sql, 15)).toBe('SELECT i.indnullsnotdistinct AS nnd, a');
    expect(renderForVersion(sql, 18)).toBe('SELECT i.indnullsnotdistinct AS nnd, a');
  });
});

describe('trigger helpers', () => {
  it('splits tgargs on NUL bytes and decodes UTF-8', () => {
    const hex = Buffer.from("it's\u0000ünï\u0000\u0000", 'utf8').toString('hex');
    expect(triggerArguments(hex, 3)).toEqual(["it's", 'ünï', '']);
    expect(triggerArguments('', 0)).toEqual([]);
  });

  it('cuts WHEN out of a trigger definition, even when arguments contain the tail', () => {
    const def =
      `CREATE TRIGGER "a) EXECUTE FUNCTION " BEFORE INSERT ON s.t FOR EACH ROW WHEN ((new.x > 0)) ` +
      `EXECUTE FUNCTION s.f(') EXECUTE FUNCTION s.f(', 'x')`;
    expect(triggerWhen(def, 's.f', [') EXECUTE FUNCTION s.f(', 'x'])).toBe('(new.x > 0)');
  });
});

describe('unwrapIndexExpression', () => {
  it('strips the one pair of parentheses around a non-function expression', () => {
    expect(unwrapIndexExpression('(a + b)')).toBe('a + b');
    expect(unwrapIndexExpression('((a + b) * c)')).toBe('(a + b) * c');
    expect(unwrapIndexExpression('lower(name)')).toBe('lower(name)');
    expect(unwrapIndexExpression(null)).toBeNull();
  });
});

describe('mapDependency', () => {
  const row = (fromColumn: string | null, onName = 'users') => ({
    from_kind: 'view',
    from_schema: 'public',
    from_name: 'names',
    from_table: null,
    from_column: null,
    from_arguments: null,
    on_kind: fromColumn === null ? 'table' : 'column',
    on_schema: 'public',
    on_name: onName,
    on_table: null,
    on_column: fromColumn,
    on_arguments: null,
  });

  it('makes equal references one frozen object, with only the fields their kind uses', () => {
    const seen = new Set<string>();
    const cache = {
      refs: new Map(),
      intern: (s: string) => {
        seen.add(s);
        return s;
      },
    };
    const a = mapDependency(row('name'), cache);
    const b = mapDependency(row('email'), cache);
    expect(a.from).toBe(b.from);
    expect(a.on).not.toBe(b.on);
    expect(mapDependency(row('name'), cache).on).toBe(a.on);
    expect(a.on).toEqual({ kind: 'column', schema: 'public', name: 'users', column: 'name' });
    expect(refKey(a.on)).toBe(refKey({ kind: 'column', schema: 'public', name: 'users', column: 'name' }));
    expect(Object.isFrozen(a) && Object.isFrozen(a.from) && Object.isFrozen(a.on)).toBe(true);
    // The names of new references only, each through `intern`.
    expect([...seen].sort()).toEqual(['email', 'name', 'names', 'public', 'users']);
    expect(mapDependency(row(null))).toEqual({
      from: { kind: 'view', schema: 'public', name: 'names' },
      on: { kind: 'table', schema: 'public', name: 'users' },
    });
  });

  it('refuses a kind it does not know', () => {
    expect(() => mapDependency({ ...row(null), on_kind: 'publication' })).toThrow(
      /unexpected dependency kind 'publication'/,
    );
  });
});
