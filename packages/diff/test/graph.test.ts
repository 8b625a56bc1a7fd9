import { builtinType, column, type FunctionDef, objectRef, snapshot, table } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { DependencyCycleError, diff } from '../src/index.js';

const fn = (name: string, body: string, language = 'sql'): FunctionDef => ({
  schema: 'public',
  name,
  kind: 'function',
  arguments: '',
  identityArguments: '',
  returns: 'integer',
  language,
  volatility: 'VOLATILE',
  strict: false,
  securityDefiner: false,
  leakproof: false,
  parallel: 'UNSAFE',
  config: [],
  body,
  comment: null,
});

const sqls = (current: Parameters<typeof diff>[0], desired: Parameters<typeof diff>[1]): string[] =>
  diff(current, desired).statements.map((s) => s.sql.split('\n')[0] as string);

describe('ordering by recorded dependencies', () => {
  const items = table({
    schema: 'public',
    name: 'z_items',
    columns: [column({ name: 'id', type: builtinType('integer') })],
  });
  const reader = fn('a_count', '');
  const readsItems = [
    {
      from: objectRef('function', 'public', 'a_count', { arguments: '' }),
      on: objectRef('table', 'public', 'z_items'),
    },
  ];

  it('creates a table before a routine recorded as reading it, and drops them the other way', () => {
    const withBoth = snapshot({ tables: [items], functions: [reader], dependencies: readsItems });
    const up = sqls(snapshot({}), withBoth);
    expect(up.findIndex((s) => s.startsWith('CREATE TABLE'))).toBeLessThan(
      up.findIndex((s) => s.startsWith('CREATE FUNCTION')),
    );
    const down = sqls(withBoth, snapshot({}));
    expect(down.findIndex((s) => s.startsWith('DROP FUNCTION'))).toBeLessThan(
      down.findIndex((s) => s.startsWith('DROP TABLE')),
    );
  });

  it('keeps the phase order when no dependency is recorded', () => {
    const up = sqls(snapshot({}), snapshot({ tables: [items], functions: [reader] }));
    expect(up.findIndex((s) => s.startsWith('CREATE FUNCTION'))).toBeLessThan(
      up.findIndex((s) => s.startsWith('CREATE TABLE')),
    );
  });

  it('waits for what a string SQL body mentions, not for what a PL/pgSQL body mentions', () => {
    const up = sqls(
      snapshot({}),
      snapshot({ tables: [items], functions: [fn('a_count', 'SELECT count(*) FROM z_items')] }),
    );
    expect(up.findIndex((s) => s.startsWith('CREATE TABLE'))).toBeLessThan(
      up.findIndex((s) => s.startsWith('CREATE FUNCTION')),
    );
    const plpgsql = sqls(
      snapshot({}),
      snapshot({
        tables: [items],
        functions: [fn('a_count', 'BEGIN RETURN (SELECT count(*) FROM z_items); END', 'plpgsql')],
      }),
    );
    expect(plpgsql.findIndex((s) => s.startsWith('CREATE FUNCTION'))).toBeLessThan(
      plpgsql.findIndex((s) => s.startsWith('CREATE TABLE')),
    );
  });

  it('refuses a cycle with a typed error naming the operations', () => {
    // The table's default calls the routine, and the routine's body reads the table.
    const cyclic = table({
      schema: 'public',
      name: 'z_items',
      columns: [column({ name: 'id', type: builtinType('integer'), default: 'public.a_count()' })],
    });
    const desired = snapshot({
      tables: [cyclic],
      functions: [reader],
      dependencies: [
        ...readsItems,
        {
          from: objectRef('default', 'public', 'z_items', { column: 'id' }),
          on: objectRef('function', 'public', 'a_count', { arguments: '' }),
        },
      ],
    });
    let caught: unknown;
    try {
      diff(snapshot({}), desired);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DependencyCycleError);
    const e = caught as DependencyCycleError;
    expect(e.code).toBe('DEPENDENCY_CYCLE');
    expect([...e.objects].sort()).toEqual([
      'createFunction "public"."a_count"',
      'createTable "public"."z_items"',
    ]);
    expect(e.message).toContain('default public.z_items.id depends on function public.a_count');
  });
});
