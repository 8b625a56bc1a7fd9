import { type ColumnMethods, columnMethods } from './columns.js';
import { type CommentMethods, commentMethods } from './comments.js';
import { type ConstraintMethods, constraintMethods } from './constraints.js';
import { type FunctionMethods, functionMethods } from './functions.js';
import { type IndexMethods, indexMethods } from './indexes.js';
import { type PolicyMethods, policyMethods } from './policies.js';
import { type SchemaMethods, schemaMethods } from './schemas.js';
import { type TableMethods, tableMethods } from './tables.js';
import { type TypeMethods, typeMethods } from './types.js';
import { type ViewMethods, viewMethods } from './views.js';

export type { AlterTableBuilder, ColumnMethods } from './columns.js';
export type { CommentMethods, CommentOn } from './comments.js';
export type {
  ConstraintMethods,
  DropConstraintOptions,
  ForeignKeyOptions,
  ForeignKeyTarget,
} from './constraints.js';
export type { Fields } from './fields.js';
export type { FunctionDefinition, FunctionMethods, TriggerDefinition } from './functions.js';
export type { CreateIndexOptions, DropIndexOptions, IndexMethods } from './indexes.js';
export type { PolicyDefinition, PolicyMethods } from './policies.js';
export type { SchemaMethods } from './schemas.js';
export type { CreateTableOptions, DropOptions, TableMethods } from './tables.js';
export type { TypeMethods, TypeValuePosition } from './types.js';
export type { CreateViewOptions, ViewMethods } from './views.js';

/** Every DDL method of the Database API. */
export interface DdlMethods
  extends TableMethods,
    ColumnMethods,
    IndexMethods,
    ConstraintMethods,
    TypeMethods,
    SchemaMethods,
    ViewMethods,
    FunctionMethods,
    PolicyMethods,
    CommentMethods {}

/** The DDL families, to join `createDatabase`'s list. */
export const ddlFamilies = [
  tableMethods,
  columnMethods,
  indexMethods,
  constraintMethods,
  typeMethods,
  schemaMethods,
  viewMethods,
  functionMethods,
  policyMethods,
  commentMethods,
] as const;
