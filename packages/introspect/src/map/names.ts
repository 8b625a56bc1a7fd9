import type { QualifiedName } from '@justscale/schema';
import { num, type Row, str } from './rows.js';

/**
 * Names by OID and attnum, built once from the `columns` and `lookups` rows, so that constraints and
 * indexes can be read as OID and attnum arrays instead of running a subquery per row.
 */
export interface CatalogNames {
  /** A column's name by table OID and attnum. */
  column(table: number, attnum: number): string;
  /** A column's collation OID (0 when not collatable). */
  columnCollation(table: number, attnum: number): number;
  /** A non-default operator class by OID; null for a default one. */
  opclass(oid: number): QualifiedName | null;
  collation(oid: number): QualifiedName | null;
}

/** `CatalogNames` filled as the `lookups` and `columns` rows arrive. */
export interface CatalogNameBuilder {
  readonly names: CatalogNames;
  /** One `lookups` row: an operator class or a collation. */
  addLookup(row: Row): void;
  /** One `columns` row, with the column's (interned) name. */
  addColumn(row: Row, name: string): void;
}

export function catalogNameBuilder(): CatalogNameBuilder {
  const byTable = new Map<number, Map<number, { name: string; collation: number }>>();
  const opclasses = new Map<number, QualifiedName>();
  const collations = new Map<number, QualifiedName>();
  const attribute = (table: number, attnum: number) => {
    const a = byTable.get(table)?.get(attnum);
    if (a === undefined) throw new Error(`introspect: no column ${attnum} in relation ${table}`);
    return a;
  };
  return {
    names: {
      column: (table, attnum) => attribute(table, attnum).name,
      columnCollation: (table, attnum) => attribute(table, attnum).collation,
      opclass: (oid) => opclasses.get(oid) ?? null,
      collation: (oid) => collations.get(oid) ?? null,
    },
    addLookup(r) {
      const target = str(r, 'kind') === 'opclass' ? opclasses : collations;
      target.set(num(r, 'oid'), { schema: str(r, 'schema'), name: str(r, 'name') });
    },
    addColumn(r, name) {
      const table = num(r, 'table_oid');
      let attrs = byTable.get(table);
      if (attrs === undefined) {
        attrs = new Map();
        byTable.set(table, attrs);
      }
      attrs.set(num(r, 'attnum'), { name, collation: num(r, 'collation_oid') });
    },
  };
}
