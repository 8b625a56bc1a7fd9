import type { QualifiedName } from '@justscale/schema';

/** What `introspect` reads. Every field is optional. */
export interface IntrospectOptions {
  /** Schemas to read; default: every user schema (not `pg_*`, not `information_schema`). */
  readonly schemas?: readonly string[];
  /** Schemas to leave out (applied after `schemas`). */
  readonly excludeSchemas?: readonly string[];
  /** Read privileges into `grants`; default false (`grants` stays empty). */
  readonly privileges?: boolean;
  /**
   * The migrations tracking table to leave out, with its indexes, triggers, grants and the sequence
   * it owns (its serial). A bare name matches a table of that name in any introspected schema; a
   * `{ schema, name }` matches only that one; `null` leaves nothing out. Default: `'_migrations'`.
   */
  readonly migrationsTable?: string | QualifiedName | null;
  /**
   * Read the catalog over three connections at once, sharing one snapshot (`pg_export_snapshot`).
   * Default false. On a driver of one connection (PGlite, a pg Client, a pool of `max: 1`: its
   * `maxSessions`), it reads on that one.
   */
  readonly parallel?: boolean;
}

export interface ResolvedOptions {
  readonly schemas: readonly string[] | null;
  readonly excludeSchemas: readonly string[];
  readonly privileges: boolean;
  readonly parallel: boolean;
  /** True for the tracking table, by its schema and name. */
  readonly isMigrationsTable: (schema: string, name: string) => boolean;
}

export const DEFAULT_MIGRATIONS_TABLE = '_migrations';

export function resolveOptions(options: IntrospectOptions = {}): ResolvedOptions {
  const table = options.migrationsTable === undefined ? DEFAULT_MIGRATIONS_TABLE : options.migrationsTable;
  let isMigrationsTable: ResolvedOptions['isMigrationsTable'];
  if (table === null) isMigrationsTable = () => false;
  else if (typeof table === 'string') isMigrationsTable = (_schema, name) => name === table;
  else isMigrationsTable = (schema, name) => schema === table.schema && name === table.name;
  return {
    schemas: options.schemas === undefined ? null : [...options.schemas],
    excludeSchemas: [...(options.excludeSchemas ?? [])],
    privileges: options.privileges ?? false,
    parallel: options.parallel ?? false,
    isMigrationsTable,
  };
}
