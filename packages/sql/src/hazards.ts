import type { Hazard, HazardKind } from '@justscale/schema';

/** A hazard record. */
export function hazard(kind: HazardKind, message: string): Hazard {
  return Object.freeze({ kind, message });
}

/** The hazards most statements share, with their standard messages. */
export const H = {
  deletesData: (what: string): Hazard =>
    hazard('deletes-data', `Deletes ${what}; the data cannot be recovered`),
  restoresDropped: (what: string): Hazard =>
    hazard(
      'deletes-data',
      `Re-creates ${what} that was dropped: its definition comes back, its data stays lost`,
    ),
  rewrites: (what: string): Hazard =>
    hazard(
      'rewrites-table',
      `${what} rewrites the whole table and its indexes while holding an exclusive lock`,
    ),
  mayRewrite: (what: string): Hazard =>
    hazard(
      'rewrites-table',
      `${what} may rewrite the whole table and its indexes (unless PostgreSQL can skip it), under an exclusive lock`,
    ),
  accessExclusive: (table: string): Hazard =>
    hazard(
      'access-exclusive-lock',
      `Takes an ACCESS EXCLUSIVE lock on ${table}: it waits for every running query on it, and every query waits for it`,
    ),
  blocksWrites: (what: string): Hazard =>
    hazard('blocks-writes', `${what} blocks writes (INSERT, UPDATE, DELETE) on the table until it finishes`),
  buildsIndex: (index: string): Hazard =>
    hazard(
      'builds-index',
      `Builds index ${index}, reading the whole table: slow and I/O-heavy on a large table`,
    ),
  validatesByScan: (what: string): Hazard =>
    hazard('validates-by-scan', `${what} scans the whole table to check existing rows`),
  mayFail: (what: string): Hazard =>
    hazard('may-fail-on-existing-data', `${what}; the statement fails if existing data violates it`),
  notTransactional: (what: string): Hazard =>
    hazard(
      'not-transactional',
      `${what} cannot run inside a transaction block: a failure is not rolled back`,
    ),
  dropsDependents: (what: string): Hazard =>
    hazard('drops-dependents', `CASCADE also drops every object that depends on ${what}`),
  enumValueUncommitted: (value: string): Hazard =>
    hazard(
      'enum-value-uncommitted',
      `The new enum value ${value} cannot be used until the transaction that adds it commits`,
    ),
} as const;
