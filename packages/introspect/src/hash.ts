import { createHash } from 'node:crypto';
import { normalizeSnapshot, objectsOnly, type Snapshot, stableStringify } from '@justscale/schema';

/**
 * A stable fingerprint of a snapshot: the SHA-256 (hex) of its normalised, key-sorted JSON.
 * Two snapshots have the same hash exactly when they are equal (recorded dependencies are not hashed).
 *
 * @example
 * const before = snapshotHash(await introspect(driver));
 * // ... later: has anything changed?
 * const changed = snapshotHash(await introspect(driver)) !== before;
 */
export function snapshotHash(snapshot: Snapshot): string {
  return createHash('sha256')
    .update(stableStringify(normalizeSnapshot(objectsOnly(snapshot))))
    .digest('hex');
}
