import type { Snapshot, Table } from '@justscale/schema';

const key = (t: { schema: string; name: string }): string => `${t.schema}\u0000${t.name}`;

/**
 * The snapshot with every child's inherited columns and checks as if the child declared them too.
 * PostgreSQL never turns a declared column or check back into one a table only inherits
 * (`attislocal`, `conislocal` are never cleared), so after `NO INHERIT` and `INHERIT` again a
 * `down` gives the same columns and checks, declared: the way back is compared without that
 * difference, as it is compared without column order (`columnsByName`).
 */
export function inheritanceDeclared(s: Snapshot): Snapshot {
  const byKey = new Map(s.tables.map((t) => [key(t), t]));
  const declared = (t: Table): Table => {
    if (t.inherits.length === 0) return t;
    const checks = t.inherits.flatMap((p) =>
      (byKey.get(key(p))?.constraints ?? []).filter((k) => k.kind === 'check' && !k.noInherit),
    );
    const own = new Set(t.constraints.map((k) => k.name));
    return {
      ...t,
      columns: t.columns.map(({ inherited: _, ...c }) => c),
      constraints: [...t.constraints, ...checks.filter((k) => !own.has(k.name))],
    };
  };
  return { ...s, tables: s.tables.map(declared) };
}
