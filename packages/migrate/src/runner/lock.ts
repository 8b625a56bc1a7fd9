import { createHash } from 'node:crypto';
import type { Session } from '@justscale/driver';
import { OPTION_TOKEN } from '@justscale/errors';
import { MigrationLockError } from '../errors.js';

/** How a runner waits for the migration lock. */
export type LockMode = 'wait' | 'fail' | { readonly timeout: number };

/**
 * The advisory lock key for a tracking table: the first 8 bytes of sha256 of its schema and name,
 * as a signed bigint (decimal string). Runners sharing a tracking table share the key.
 *
 * @example
 * await driver.query('SELECT pg_try_advisory_lock($1::int8)', [lockKey('public', '_migrations')]);
 */
export function lockKey(schema: string, table: string): string {
  const digest = createHash('sha256').update(`justscale/migrate\0${schema}\0${table}`).digest();
  return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
}

/**
 * Takes the session-level advisory lock on `session`, waiting, failing at once, or polling until a
 * timeout. With `table` (a qualified name), the same statement says whether that table was there once
 * the lock was granted: as this session's catalog cache saw it, which can miss a table another
 * session has just made (no lock is taken on it). `false` is a hint, not a fact: create the table
 * `IF NOT EXISTS`, then read it.
 */
export async function acquireLock(
  session: Session,
  key: string,
  mode: LockMode,
  label: string,
  table?: { readonly schema: string; readonly name: string; readonly ref: string },
): Promise<{ tableSeen: boolean | undefined }> {
  const seen = table === undefined ? '' : ', pg_catalog.to_regclass($2::pg_catalog.text) IS NOT NULL AS seen';
  const params = table === undefined ? [key] : [key, table.ref];
  const tableSeen = (row: { seen?: boolean } | undefined) =>
    table === undefined ? undefined : row?.seen === true;
  if (mode === 'wait') {
    const { rows } = await session.query<{ seen?: boolean }>(
      `SELECT pg_catalog.pg_advisory_lock($1::pg_catalog.int8)${seen}`,
      params,
    );
    return { tableSeen: tableSeen(rows[0]) };
  }
  const deadline = mode === 'fail' ? 0 : Date.now() + mode.timeout;
  for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
    const { rows } = await session.query<{ locked: boolean; seen?: boolean }>(
      `SELECT pg_catalog.pg_try_advisory_lock($1::pg_catalog.int8) AS locked${seen}`,
      params,
    );
    if (rows[0]?.locked === true) return { tableSeen: tableSeen(rows[0]) };
    const left = deadline - Date.now();
    if (left <= 0) {
      const waited = mode === 'fail' ? '' : `; it was still held after ${mode.timeout} ms`;
      throw new MigrationLockError(
        `Another migration runner holds the lock for ${label} (advisory lock ${key})${waited}.`,
        {
          ref: { kind: 'table', ...(table === undefined ? {} : { schema: table.schema, name: table.name }) },
          hint: `Run again when it has finished, or wait for it (${OPTION_TOKEN}).`,
          option: { name: 'lock', value: 'wait' },
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
  }
}

export async function releaseLock(session: Session, key: string): Promise<void> {
  await session.query('SELECT pg_catalog.pg_advisory_unlock($1::pg_catalog.int8)', [key]);
}
