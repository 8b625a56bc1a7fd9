/**
 * The closed set of hazards a statement can carry. Runners and the CLI refuse hazards that were not
 * allowed, so every kind here has a meaning a user can act on.
 *
 * - `deletes-data`: rows or values are lost (dropping a table or column, a narrowing type change).
 * - `rewrites-table`: PostgreSQL rewrites the whole table (and its indexes) under an exclusive lock.
 * - `access-exclusive-lock`: the statement takes an ACCESS EXCLUSIVE lock: every read and write waits.
 * - `blocks-writes`: a SHARE lock for the statement's duration (a plain `CREATE INDEX`): writes wait.
 * - `builds-index`: an index is built, which reads the whole table.
 * - `validates-by-scan`: the table is scanned to check existing rows (SET NOT NULL, a new CHECK, ...).
 * - `may-fail-on-existing-data`: existing rows may violate the new rule, and the statement then fails.
 * - `not-transactional`: the statement cannot run inside a transaction block.
 * - `irreversible`: the operation cannot be undone by another operation.
 * - `drops-dependents`: `CASCADE` drops every object that depends on this one.
 * - `enum-value-uncommitted`: a new enum value cannot be used until the transaction that added it commits.
 */
export type HazardKind =
  | 'deletes-data'
  | 'rewrites-table'
  | 'access-exclusive-lock'
  | 'blocks-writes'
  | 'builds-index'
  | 'validates-by-scan'
  | 'may-fail-on-existing-data'
  | 'not-transactional'
  | 'irreversible'
  | 'drops-dependents'
  | 'enum-value-uncommitted';

/** Every hazard kind, in a stable order (for validation and documentation). */
export const HAZARD_KINDS: readonly HazardKind[] = Object.freeze([
  'deletes-data',
  'rewrites-table',
  'access-exclusive-lock',
  'blocks-writes',
  'builds-index',
  'validates-by-scan',
  'may-fail-on-existing-data',
  'not-transactional',
  'irreversible',
  'drops-dependents',
  'enum-value-uncommitted',
]);

/** A hazard with its human message. */
export interface Hazard {
  readonly kind: HazardKind;
  readonly message: string;
}
