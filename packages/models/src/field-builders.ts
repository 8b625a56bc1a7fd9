/**
 * The field builders and `sql`, without the rest of `@justscale/models` (zod schemas, pulling models
 * from a database, the snapshot compiler): what a migration file uses in `db.createTable(...)`. The
 * objects are the main entry's own (the same modules), so `instanceof` and the Database API see no
 * difference. `justscale migrate` points a migration's `import { field, sql } from '@justscale/models'`
 * here by itself.
 *
 * @example
 * import { field, sql } from '@justscale/models/field-builders';
 * await db.createTable('posts', { id: field.uuid().primaryKey().default(sql`gen_random_uuid()`) });
 */
export { field, type JsonValue, type TimeOptions } from './builders.js';
export { isSql, type Sql, type SqlValue, sql } from './sql.js';
