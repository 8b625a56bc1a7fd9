/**
 * What a migration file needs, without the rest of the toolkit: `defineMigration`, the field builders
 * and `sql` (the same objects the main entry exports). Importing `@justscale/postgres` loads every
 * package of JustScale (the differ, the CLI, the drivers, zod); this entry loads a few small modules.
 * `justscale migrate` points a migration's `import { defineMigration, field, sql } from
 * '@justscale/postgres'` here by itself.
 *
 * @example
 * import { defineMigration, field } from '@justscale/postgres/migration';
 * export default defineMigration({
 *   async up({ db }) { await db.createTable('posts', { id: field.uuid().primaryKey() }); },
 *   async down({ db }) { await db.dropTable('posts'); },
 * });
 */
export {
  defineMigration,
  type MigrationContext,
  type MigrationDefinition,
} from '@justscale/migrate/define-migration';
export {
  field,
  type JsonValue,
  type Sql,
  type SqlValue,
  sql,
  type TimeOptions,
} from '@justscale/models/field-builders';
