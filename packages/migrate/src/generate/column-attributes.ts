import type { RenameHint } from '@justscale/diff';
import type { Column, QualifiedName, Snapshot, Table } from '@justscale/schema';

const key = (o: QualifiedName): string => `${o.schema}\u0000${o.name}`;

/**
 * The models' tables with the statistics target, storage and compression their columns have in the
 * database: models do not describe them, so a models plan leaves them as they are. A renamed table
 * or column keeps its own.
 */
export function withDatabaseColumnAttributes(
  tables: readonly Table[],
  before: Snapshot,
  renames: readonly RenameHint[],
): Table[] {
  const tableFrom = new Map(
    renames.filter((h) => h.kind === 'table').map((h) => [key({ schema: h.schema, name: h.to }), h.from]),
  );
  const current = new Map(before.tables.map((t) => [key(t), t]));
  return tables.map((t) => {
    const was = current.get(key({ schema: t.schema, name: tableFrom.get(key(t)) ?? t.name }));
    if (was === undefined) return t;
    const columnFrom = new Map(
      renames.flatMap((h) =>
        h.kind === 'column' && h.schema === t.schema && (h.table === t.name || h.table === was.name)
          ? [[h.to, h.from] as const]
          : [],
      ),
    );
    const columns = t.columns.map((c): Column => {
      const old = was.columns.find((x) => x.name === (columnFrom.get(c.name) ?? c.name));
      if (old === undefined) return c;
      const { statistics: _s, storage: _t, compression: _c, ...rest } = c;
      return {
        ...rest,
        ...(old.statistics !== undefined ? { statistics: old.statistics } : {}),
        // A storage mode belongs to the type: kept while the column keeps its type.
        ...(old.storage !== undefined && sameType(old, c) ? { storage: old.storage } : {}),
        ...(old.compression !== undefined && sameType(old, c) ? { compression: old.compression } : {}),
      };
    });
    return { ...t, columns };
  });
}

const sameType = (a: Column, b: Column): boolean => JSON.stringify(a.type) === JSON.stringify(b.type);
