import type { QualifiedName } from '@justscale/schema';
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
  createIndex(
    table: ObjectName,
    columns: string | readonly string[],
    options?: CreateIndexOptions,
  ): Promise<void>;
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
        createIndexOp(node, {
          concurrently: options.concurrently ?? false,
          ifNotExists: options.ifNotExists ?? false,
        }),
      ]);
    },
    async dropIndex(name, options = {}) {
      const qualified = await findIndex(context, await resolveRelation(context, name, 'index'));
      await runOperations(context, [dropIndexOp(qualified, options)]);
    },
  };
}

const indexesSql = `SELECT i.relname AS name, t.relname AS "table", x.indpred IS NOT NULL AS partial,
  pg_catalog.to_jsonb(ARRAY(
    SELECT a.attname::pg_catalog.text FROM pg_catalog.unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY AS u(num, k)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = x.indrelid AND a.attnum = u.num
    WHERE k <= x.indnkeyatts ORDER BY k)) AS columns,
  x.indnkeyatts AS keys
FROM pg_catalog.pg_index AS x
JOIN pg_catalog.pg_class AS i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class AS t ON t.oid = x.indrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = i.relnamespace
WHERE n.nspname = $1
ORDER BY i.relname`;

/**
 * The index `dropIndex` means: the one of that name; else, for `idx_<table>_<columns>` (a name
 * other tools give, and the seed's examples use), the index of that table on exactly those columns,
 * preferring a plain one to a partial one. The default name here is PostgreSQL's `<table>_<columns>_idx`.
 */
async function findIndex(context: DatabaseContext, name: QualifiedName): Promise<QualifiedName> {
  if (!name.name.startsWith('idx_')) return name;
  const { rows } = await context.executor.read<{
    name: string;
    table: string;
    partial: boolean;
    columns: string[];
    keys: number;
  }>(indexesSql, [name.schema]);
  if (rows.some((r) => r.name === name.name)) return name;
  const matches = rows.filter(
    (r) => r.columns.length === r.keys && `idx_${r.table}_${r.columns.join('_')}` === name.name,
  );
  const plain = matches.filter((r) => !r.partial);
  const chosen = plain.length === 1 ? plain : matches;
  return chosen.length === 1 ? { schema: name.schema, name: chosen[0]!.name } : name;
}
