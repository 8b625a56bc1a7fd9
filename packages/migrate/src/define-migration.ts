import type { Database } from './database/database.js';

/** What `up` and `down` receive. */
export interface MigrationContext {
  /** The Database API, bound to this migration's transaction (or session, with `transaction: false`). */
  readonly db: Database;
}

/** A migration: `up`, optionally `down`, and whether it runs in a transaction. */
export interface MigrationDefinition {
  up(context: MigrationContext): Promise<void> | void;
  down?(context: MigrationContext): Promise<void> | void;
  /**
   * `false` runs the migration outside a transaction, for statements PostgreSQL refuses inside one
   * (`CREATE INDEX CONCURRENTLY`, `ALTER TYPE ... ADD VALUE` before 12, `VACUUM`). A failure then
   * can leave part of the migration applied. `{ up: true, down: false }` decides per direction: a
   * generated migration whose `down` alone needs it keeps its `up` in a transaction. Defaults to `true`.
   */
  transaction?: boolean | { readonly up?: boolean; readonly down?: boolean };
}

/**
 * Declares a migration. It returns its argument unchanged; its job is the types.
 *
 * @example
 * export default defineMigration({
 *   async up({ db }) { await db.raw('CREATE TABLE posts (id uuid PRIMARY KEY)'); },
 *   async down({ db }) { await db.raw('DROP TABLE posts'); },
 * });
 */
export function defineMigration<const T extends MigrationDefinition>(migration: T): T {
  return migration;
}
