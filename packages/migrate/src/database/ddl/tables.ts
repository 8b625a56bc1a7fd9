import type { ModelOptions } from '@justscale/models';
import {
  createIndex as createIndexOp,
  createTable as createTableOp,
  dropTable as dropTableOp,
  renameTable as renameTableOp,
} from '@justscale/schema';
import type { DatabaseContext } from '../context.js';
import { type Fields, fieldsToTable } from './fields.js';
import { checkName, type ObjectName, resolveRelation, runOperations } from './shared.js';

/** Options of `createTable`: the table-level options of a model, and `ifNotExists`. */
export interface CreateTableOptions extends Omit<ModelOptions, 'schema'> {
  /** The table's schema, when the name is a string (same as passing `{ schema, name }`). */
  readonly schema?: string;
  /** `CREATE TABLE IF NOT EXISTS` (its indexes too). */
  readonly ifNotExists?: boolean;
}

/** Options of the DROP methods. */
export interface DropOptions {
  /** `IF EXISTS`: no error when the object is not there. */
  readonly ifExists?: boolean;
  /** `CASCADE`: also drop what depends on it (views, foreign keys, ...). */
  readonly cascade?: boolean;
}

export interface TableMethods {
  /**
   * Creates a table from field builders, named like a model's columns: `authorId` becomes
   * `author_id` (`toColumnName`; `.column('exact')` overrides). The constraints and indexes the
   * fields ask for (`.primaryKey()`, `.unique()`, `.references()`, `.index()`, `.check()`) come with it.
   *
   * @example
   * await db.createTable('posts', {
   *   id: field.uuid().primaryKey(),
   *   title: field.string().max(200),
   *   authorId: field.uuid(),
   *   createdAt: field.createdAt(),
   * });
   */
  createTable(name: ObjectName, fields: Fields, options?: CreateTableOptions): Promise<void>;
  /**
   * Drops a table.
   *
   * @example
   * await db.dropTable('products', { ifExists: true });
   */
  dropTable(name: ObjectName, options?: DropOptions): Promise<void>;
  /**
   * Renames a table (it stays in its schema).
   *
   * @example
   * await db.renameTable('old_name', 'new_name');
   */
  renameTable(name: ObjectName, to: string): Promise<void>;
}

export function tableMethods(context: DatabaseContext): TableMethods {
  return {
    async createTable(name, fields, options = {}) {
      const { schema, ifNotExists, ...modelOptions } = options;
      const qualified =
        typeof name === 'string' && schema !== undefined
          ? { schema, name: checkName(name, 'table name') }
          : await resolveRelation(context, name);
      const { table, indexes } = fieldsToTable(qualified, fields, modelOptions);
      await runOperations(context, [
        createTableOp(table, { ifNotExists: ifNotExists ?? false }),
        ...indexes.map((index) => createIndexOp(index, { ifNotExists: ifNotExists ?? false })),
      ]);
    },
    async dropTable(name, options = {}) {
      const table = await resolveRelation(context, name);
      await runOperations(context, [dropTableOp(table, options)]);
    },
    async renameTable(name, to) {
      const table = await resolveRelation(context, name);
      await runOperations(context, [renameTableOp(table, checkName(to, 'table name'))]);
    },
  };
}
