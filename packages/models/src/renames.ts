import type { EnumDef, ModelLike } from './model-types.js';

/** A column rename for the differ; the same shape as `RenameHint` of `@justscale/diff`. */
export interface ColumnRenameHint {
  readonly kind: 'column';
  readonly schema: string;
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/** A rename the models carry; the same shape as `RenameHint` of `@justscale/diff`. */
export type ModelRenameHint =
  | ColumnRenameHint
  | {
      readonly kind: 'table' | 'type';
      readonly schema: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly kind: 'enumValue';
      readonly schema: string;
      /** The enum type (its new name). */
      readonly table: string;
      readonly from: string;
      readonly to: string;
    };

/**
 * The rename hints the models carry: a field's `.renamedFrom('old')`, a model's and an enum's
 * `renamedFrom` option, and an enum's `renamedValues`. `generateMigration`, `migrate make` and
 * `schema push` pass them to `diff`, so that a drop and an add become a rename.
 *
 * @example
 * const PgUser = defineModel('users', { fullName: field.text().renamedFrom('name') });
 * renameHintsOf(PgUser); // [{ kind: 'column', schema: 'public', table: 'users', from: 'name', to: 'full_name' }]
 */
export function renameHintsOf(...items: readonly (ModelLike | EnumDef)[]): ModelRenameHint[] {
  const hints: ModelRenameHint[] = [];
  for (const m of items) {
    if (m.kind === 'enum') {
      if (m.renamedFrom) hints.push({ kind: 'type', schema: m.schema, from: m.renamedFrom, to: m.name });
      for (const [to, from] of Object.entries(m.renamedValues ?? {}))
        hints.push({ kind: 'enumValue', schema: m.schema, table: m.name, from, to });
      continue;
    }
    if (m.options.renamedFrom)
      hints.push({ kind: 'table', schema: m.schema, from: m.options.renamedFrom, to: m.name });
    for (const [p, f] of Object.entries(m.fields)) {
      const from = f.config.renamedFrom;
      if (from !== null)
        hints.push({ kind: 'column', schema: m.schema, table: m.name, from, to: m.columnName(p) });
    }
  }
  return hints;
}
