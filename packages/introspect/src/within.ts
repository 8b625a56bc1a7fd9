import type { Queryable } from '@justscale/driver';
import type { Snapshot } from '@justscale/schema';
import { readSnapshot, SESSION_SETTINGS } from './introspect.js';
import { type IntrospectOptions, resolveOptions } from './options.js';

/**
 * `introspect` on a transaction the caller already holds, so that it sees what the transaction did
 * and has not committed (scratch objects created only to be read back). It sets the same session
 * settings as `introspect` with `SET LOCAL` (`search_path = pg_catalog`, `TimeZone = UTC`, ...):
 * they stay until the transaction ends. It reads on that one connection (no `parallel`).
 *
 * @example
 * await driver.transaction(async (tx) => {
 *   await tx.exec('CREATE SCHEMA scratch; CREATE TABLE scratch.t (a integer DEFAULT 1 + 1)');
 *   const read = await introspectWithin(tx, { schemas: ['scratch'] });
 *   throw new Error('roll back');
 * });
 */
export async function introspectWithin(tx: Queryable, options: IntrospectOptions = {}): Promise<Snapshot> {
  const resolved = resolveOptions({ ...options, parallel: false });
  return readSnapshot(tx, resolved, SESSION_SETTINGS);
}
