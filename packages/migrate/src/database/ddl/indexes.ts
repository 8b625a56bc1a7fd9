import { createIndex as createIndexOp, dropIndex as dropIndexOp, index } from '@justscale/schema';
import type { DatabaseContext } from '../context.js';
import { asList, checkName, defaultName, type ObjectName, resolveRelation, runOperations } from './shared.js';

/** Options of `createIndex`. */
export interface CreateIndexOptions {
  /** The index name; PostgreSQL's `<table>_<columns>_idx` by default. */
  readonly name?: string;
  readonly unique?: boolean;
  /** A partial index: SQL text, e.g. `"status = 'active'"`. */
  readonly where?: string;
  /** The method: `btree` (default), `hash`, `gin`, `gist`, `brin`, `spgist`, or an extension's. */
  readonly using?: string;
  /** Columns stored in the index but not part of its key (`INCLUDE`). */
  readonly include?: string | readonly string[];
  /** `CREATE INDEX CONCURRENTLY`: builds without blocking writes; needs `transaction: false`. */
  readonly concurrently?: boolean;
  readonly ifNotExists?: boolean;
}

/** Options of `dropIndex`. */
export interface DropIndexOptions {
  readonly ifExists?: boolean;
  readonly cascade?: boolean;
  /** `DROP INDEX CONCURRENTLY`: needs `transaction: false`. */
  readonly concurrently?: boolean;
}

export interface IndexMethods {
  /**
   * Creates an index on one column or several (named by the naming rule: `authorId` finds `author_id`).
   *
   * @example
   * await db.createIndex('orders', ['customer_id', 'created_at']);
   * await db.createIndex('users', 'email', { unique: true, where: "status = 'active'" });
   * await db.createIndex('documents', 'metadata', { using: 'gin' });
   */
  createIndex(table: ObjectName, columns: string | readonly string[], options?: CreateIndexOptions): Promise<void>;
  /**
   * Drops an index (a string is looked up through `search_path`).
   *
   * @example
   * await db.dropIndex('users_email_idx');
   */
  dropIndex(name: ObjectName, options?: DropIndexOptions): Promise<void>;
}

export function indexMethods(context: DatabaseContext): IndexMethods {
  return {
    async createIndex(tableName, columns, options = {}) {
      const table = await resolveRelation(context, tableName);
      const keys = await context.catalog.resolve(table, asList(columns, 'createIndex'));
      const names = keys.map((k) => k.name);
      const include =
        options.include === undefined
          ? []
          : (await context.catalog.resolve(table, asList(options.include, 'include'))).map((k) => k.name);
      const name =
        options.name === undefined
          ? await defaultName(context, table.schema, table.name, names, 'idx')
          : checkName(options.name, 'index name');
      const node = index({
        schema: table.schema,
        name,
        table: table.name,
        keys: names.map((column) => ({ column })),
        unique: options.unique ?? false,
        method: options.using ?? 'btree',
        include,
        where: options.where ?? null,
      });
      await runOperations(context, [
        createIndexOp(node, { concurrently: options.concurrently ?? false, ifNotExists: options.ifNotExists ?? false }),
      ]);
    },
    async dropIndex(name, options = {}) {
      const qualified = await resolveRelation(context, name, 'index');
      await runOperations(context, [dropIndexOp(qualified, options)]);
    },
  };
}
