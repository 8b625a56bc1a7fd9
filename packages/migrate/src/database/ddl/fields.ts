import { type AnyField, defineModel, type ModelOptions, modelsToSnapshot } from '@justscale/models/core';
import type { Column, Constraint, Index, QualifiedName, Table } from '@justscale/schema';
import { MigrateError } from '../../errors.js';

/** Field builders keyed by property: `{ id: field.uuid().primaryKey(), authorId: field.uuid() }`. */
export type Fields = Readonly<Record<string, AnyField>>;

/** What a record of field builders becomes: the table and the indexes its fields ask for. */
export interface FieldsTable {
  readonly table: Table;
  readonly indexes: readonly Index[];
}

/**
 * Turns field builders into a `Table` the way a model would: the models' naming rule names the
 * columns (`authorId` → `author_id`, see `toColumnName`), and PostgreSQL's default names name the
 * constraints and indexes (`posts_pkey`, `posts_email_key`, `posts_author_id_fkey`).
 * `@justscale/models` has no "fields → Table" function of its own, so this goes through a one-model
 * snapshot; enum types the fields use are not part of it (create them with `createType`).
 */
export function fieldsToTable(table: QualifiedName, fields: Fields, options: ModelOptions = {}): FieldsTable {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      `The fields of ${table.schema}.${table.name} must be an object of field builders.`,
    );
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'object' || value === null || !('config' in value)) {
      throw new MigrateError(
        'INVALID_ARGUMENT',
        `Field "${key}" of ${table.schema}.${table.name} is not a field builder (use field.string(), field.uuid(), ...).`,
      );
    }
  }
  const model = defineModel(table.name, fields, { ...options, schema: table.schema });
  const snapshot = modelsToSnapshot(model);
  const found = snapshot.tables.find((t) => t.schema === table.schema && t.name === table.name);
  if (found === undefined) throw new Error(`modelsToSnapshot gave no table ${table.schema}.${table.name}`);
  const indexes = snapshot.indexes.filter((i) => i.schema === table.schema && i.table === table.name);
  return { table: found, indexes };
}

/** One field as a column, with the constraints and indexes it asks for (for `alterTable`'s `addColumn`). */
export function fieldToColumn(
  table: QualifiedName,
  key: string,
  builder: AnyField,
): { column: Column; constraints: readonly Constraint[]; indexes: readonly Index[] } {
  const { table: t, indexes } = fieldsToTable(table, { [key]: builder });
  const column = t.columns[0];
  if (column === undefined) throw new Error(`modelsToSnapshot gave no column for ${key}`);
  return { column, constraints: t.constraints, indexes };
}
