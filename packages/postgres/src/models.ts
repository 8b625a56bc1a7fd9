/**
 * The models part of `@justscale/postgres` alone, for a project's models file: `defineModel`,
 * `field`, `sql` and the rest of what the main entry re-exports from `@justscale/models` (the very
 * same objects), without the differ, the CLI and the drivers. `justscale migrate make` points a
 * models file's `import { defineModel, field } from '@justscale/postgres'` here by itself.
 *
 * @example
 * import { defineModel, field } from '@justscale/postgres/models';
 * export const posts = defineModel('posts', { id: field.uuid().primaryKey(), title: field.string().max(200) });
 */
export {
  type AnyField,
  type CheckOption,
  defineEnum,
  defineModel,
  type EnumDef,
  type ForeignKeyOption,
  field,
  type IndexOption,
  type InferEnum,
  type InferInsert,
  type InferSelect,
  insertSchema,
  type Model,
  ModelError,
  type ModelOptions,
  modelsToSnapshot,
  type Naming,
  renameHintsOf,
  type Sql,
  selectSchema,
  snapshotToModelsSource,
  sql,
  toColumnName,
  type UniqueOption,
} from '@justscale/models';
