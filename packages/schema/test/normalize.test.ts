import {
  builtinType,
  type Constraint,
  type Dependency,
  emptySnapshot,
  normalizeSnapshot,
  type ObjectRef,
  objectsOnly,
  refKey,
  type Snapshot,
  stableStringify,
  table,
} from '@justscale/schema';
import { describe, expect, it } from 'vitest';

const check = (name: string, notValid?: boolean): Constraint => ({
  name,
  kind: 'check',
  expression: 'a > 0',
  noInherit: false,
  deferrable: false,
  initiallyDeferred: false,
  comment: null,
  ...(notValid === undefined ? {} : { notValid }),
});

function withTables(...tables: Snapshot['tables']): Snapshot {
  return { ...emptySnapshot(), tables };
}

describe('normalizeSnapshot', () => {
  it('reuses frozen nodes that are canonical already: normalising twice copies nothing', () => {
    const once = normalizeSnapshot(
      withTables(
        table({ schema: 'public', name: 'b', columns: [{ name: 'a', type: builtinType('integer') }] }),
        table({ schema: 'public', name: 'a', constraints: [check('z'), check('y', false)] }),
      ),
    );
    const twice = normalizeSnapshot({ ...once });
    expect(twice.tables).toBe(once.tables);
    expect(twice.tables[0]).toBe(once.tables[0]);
    expect(twice.tables[1]).toBe(once.tables[1]);
    expect(stableStringify(twice)).toBe(stableStringify(once));
  });

  it('copies a frozen node that is not canonical, and leaves it as it was', () => {
    const t = table({
      schema: 'public',
      name: 't',
      constraints: [check('z'), check('y', false)],
      options: { fillfactor: '70', autovacuum_enabled: 'off' },
      columns: [{ name: 'a', type: builtinType('integer'), inherited: false }],
    });
    const out = normalizeSnapshot(withTables(t)).tables[0]!;
    expect(out).not.toBe(t);
    expect(out.constraints.map((c) => c.name)).toEqual(['y', 'z']);
    expect('notValid' in out.constraints[0]!).toBe(false);
    expect(Object.keys(out.options)).toEqual(['autovacuum_enabled', 'fillfactor']);
    expect('inherited' in out.columns[0]!).toBe(false);
    expect(t.constraints.map((c) => c.name)).toEqual(['z', 'y']);
    expect(t.columns[0]).toHaveProperty('inherited', false);
    expect(Object.isFrozen(out) && Object.isFrozen(out.constraints[0])).toBe(true);
  });

  it("copies the caller's unfrozen nodes rather than freezing them in place", () => {
    const mutable = { ...table({ schema: 'public', name: 't' }), constraints: [check('a')] };
    const out = normalizeSnapshot(withTables(mutable));
    expect(out.tables[0]).not.toBe(mutable);
    expect(out.tables[0]).toEqual(mutable);
    expect(Object.isFrozen(out.tables[0])).toBe(true);
    expect(Object.isFrozen(mutable)).toBe(false);
    expect(Object.isFrozen(mutable.constraints)).toBe(false);
  });

  it('gives a snapshot it normalised back as it is, and the same without its dependencies', () => {
    const once = normalizeSnapshot({
      ...withTables(table({ schema: 'public', name: 't' })),
      dependencies: [],
    });
    expect(normalizeSnapshot(once)).toBe(once);
    const objects = objectsOnly(once);
    expect('dependencies' in objects).toBe(false);
    expect(Object.isFrozen(objects)).toBe(true);
    expect(normalizeSnapshot(objects)).toBe(objects);
  });

  it('sorts dependencies in the order of their keys (refKey), arguments that prefix others and control characters included', () => {
    const refs: ObjectRef[] = [];
    for (const kind of ['function', 'column', 'view'] as const)
      for (const name of ['f', 'f\u0001', 'g', 'f g'])
        for (const args of [undefined, '', 'integer', 'integer, text', 'integer\u0001', 'int']) {
          const r: ObjectRef =
            args === undefined ? { kind, schema: 's', name } : { kind, schema: 's', name, arguments: args };
          refs.push(kind === 'column' ? { ...r, column: name } : r);
        }
    // A fixed shuffle of every pair of some references.
    const dependencies: Dependency[] = [];
    for (let i = 0; i < refs.length; i += 3)
      for (let j = 0; j < refs.length; j += 5)
        dependencies.push({ from: refs[i]!, on: refs[(i * 7 + j) % refs.length]! });
    const key = (d: Dependency): string => `${refKey(d.from)}\u0001${refKey(d.on)}`;
    const expected = [...dependencies].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const sorted = normalizeSnapshot({ ...emptySnapshot(), dependencies }).dependencies ?? [];
    expect(sorted.map(key)).toEqual(expected.map(key));
    // Sorted and frozen already: the same list back.
    const again = normalizeSnapshot({ ...emptySnapshot(), dependencies: Object.freeze([...sorted]) });
    expect(again.dependencies).toBe(again.dependencies);
    expect((again.dependencies ?? []).map(key)).toEqual(expected.map(key));
  });
});
