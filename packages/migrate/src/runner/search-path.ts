import type { Session } from '@justscale/driver';
import { quoteIdent } from '@justscale/sql/quote';
import { MigrateError } from '../errors.js';

/**
 * Checks a `searchPath` option: a non-empty list of non-empty schema names. Returns the value
 * `set_config('search_path', ...)` takes, every name quoted.
 */
export function searchPathSetting(searchPath: readonly string[]): string {
  if (!Array.isArray(searchPath) || searchPath.length === 0) {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      `searchPath must be a non-empty list of schema names, got ${JSON.stringify(searchPath)}.`,
    );
  }
  for (const name of searchPath) {
    if (typeof name !== 'string' || name === '') {
      throw new MigrateError(
        'INVALID_ARGUMENT',
        `searchPath holds ${JSON.stringify(name)}; every entry must be a non-empty schema name.`,
      );
    }
  }
  return searchPath.map((name) => quoteIdent(name)).join(', ');
}

/**
 * Runs `fn` with `search_path` set to `setting` on `session` (at session level, so every
 * transaction of the run sees it), and puts the previous value back afterwards: a pooled
 * connection goes back to the pool as it came.
 */
export async function withSearchPath<T>(session: Session, setting: string, fn: () => Promise<T>): Promise<T> {
  const { rows } = await session.query<{ previous: string }>(
    "SELECT pg_catalog.current_setting('search_path') AS previous",
  );
  await session.query("SELECT pg_catalog.set_config('search_path', $1, false)", [setting]);
  try {
    return await fn();
  } finally {
    // A broken session is discarded by the driver; the restore failing then changes nothing.
    await session
      .query("SELECT pg_catalog.set_config('search_path', $1, false)", [rows[0]?.previous ?? ''])
      .catch(() => undefined);
  }
}
