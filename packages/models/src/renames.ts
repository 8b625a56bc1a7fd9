import type { EnumDef, ModelLike } from './model-types.js';

/** A column rename for the differ; the same shape as `RenameHint` of `@justscale/diff`. */
export interface ColumnRenameHint {
  readonly kind: 'column';
  readonly schema: string;
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The rename hints the models carry: one per field with `.renamedFrom('old')`. Pass them to
 * `diff` (or `generateMigration`'s `renames`) so that a drop and an add become a rename.
 *
 * @example
 * const PgUser = defineModel('users', { fullName: field.text().renamedFrom('name') });
 * renameHintsOf(PgUser); // [{ kind: 'column', schema: 'public', table: 'users', from: 'name', to: 'full_name' }]
 */
export function renameHintsOf(...items: readonly (ModelLike | EnumDef)[]): ColumnRenameHint[] {
  const hints: ColumnRenameHint[] = [];
  for (const m of items) {
    if (m.kind !== 'model') continue;
    for (const [p, f] of Object.entries(m.fields)) {
      const from = f.config.renamedFrom;
      if (from !== null)
        hints.push({ kind: 'column', schema: m.schema, table: m.name, from, to: m.columnName(p) });
    }
  }
  return hints;
}
