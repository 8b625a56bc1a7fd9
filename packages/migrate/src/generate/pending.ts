import type { Driver } from '@justscale/driver';
import { MigrateError } from '../errors.js';
import { createMigrationRunner } from '../runner/create-runner.js';

/**
 * `makeMigration` (or `justscale migrate make`) found migrations not applied yet: a plan against
 * the database would repeat their changes, so it refuses.
 */
export class PendingMigrationsError extends MigrateError {
  override name = 'PendingMigrationsError';
  /** The pending migrations' names, in run order. */
  readonly pending: readonly string[];
  constructor(pending: readonly string[]) {
    const list = pending.map((n) => `  ${n}`).join('\n');
    super(
      'MIGRATIONS_PENDING',
      `${pending.length} migration${pending.length === 1 ? ' is' : 's are'} not applied yet:\n${list}\nA new migration would repeat their changes. Run them first (justscale migrate), then make the migration again.`,
    );
    this.pending = pending;
  }
}

/** Where the tracking table is: `{ table, schema }` as the runner takes them. */
export function trackingOf(
  migrationsTable: string | { readonly schema: string; readonly name: string } | null | undefined,
): { table?: string; schema?: string } {
  if (migrationsTable === undefined || migrationsTable === null) return {};
  if (typeof migrationsTable === 'string') return { table: migrationsTable };
  return { table: migrationsTable.name, schema: migrationsTable.schema };
}

/**
 * Throws `PendingMigrationsError` when a migration of `directory` is not applied to the database
 * (a directory that does not exist yet has none).
 *
 * @example
 * await assertNothingPending(driver, './migrations', { schema: 'public', name: '_migrations' });
 */
export async function assertNothingPending(
  driver: Driver,
  directory: string,
  migrationsTable?: string | { readonly schema: string; readonly name: string } | null,
): Promise<void> {
  const runner = createMigrationRunner(driver, { directory, ...trackingOf(migrationsTable) });
  let pending: { name: string }[];
  try {
    pending = await runner.pending();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MIGRATION_DIRECTORY_MISSING') return;
    throw error;
  }
  if (pending.length > 0) throw new PendingMigrationsError(pending.map((m) => m.name));
}
