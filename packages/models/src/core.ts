/**
 * `@justscale/models/core`: the models without their zod schemas (`insertSchema`, `selectSchema`,
 * `fieldSchema`), so without zod: what compiling fields and models needs (the Database API of a
 * running migration). The objects are the main entry's own (the same modules).
 *
 * @example
 * import { defineModel, field, modelsToSnapshot } from '@justscale/models/core';
 */
export { field, type JsonValue, type TimeOptions } from './builders.js';
export { ModelError, type ModelErrorCode } from './errors.js';
export {
  type AnyField,
  type ColumnRef,
  type DefaultSpec,
  Field,
  type FieldConfig,
  type FieldKind,
  type FieldMeta,
  type IdentityOptions,
  type Meta,
  type ReferenceOptions,
  type ReferenceTarget,
  StringField,
} from './field.js';
export { defaultLiteral, jsonbText } from './literals.js';
export {
  defineEnum,
  defineModel,
  type EnumOptions,
  type InferEnum,
  type InferInsert,
  type InferSelect,
  type Model,
} from './model.js';
export type {
  CheckOption,
  EnumDef,
  ForeignKeyOption,
  IndexKeyOption,
  IndexOption,
  ModelLike,
  ModelOptions,
  Naming,
  UniqueOption,
} from './model-types.js';
export { makeObjectName, toColumnName, toPropertyName } from './naming.js';
export { type PullOptions, snapshotToModelsSource } from './pull.js';
export { type ColumnRenameHint, type ModelRenameHint, renameHintsOf } from './renames.js';
export { isSql, type Sql, type SqlValue, sql } from './sql.js';
export { modelsToSnapshot } from './to-snapshot.js';
