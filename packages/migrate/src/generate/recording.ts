import type { Queryable, QueryResult } from '@justscale/driver';
import { field, sql } from '@justscale/models';
import { createDatabase, type Database } from '../database/database.js';
import { dryRunExecutor, type Statement } from '../database/executor.js';
import { evaluate, type Src } from './source-tree.js';

/**
 * A Database that records the statements it would run and runs none. Its catalog is empty: the
 * only read it answers is `server_version_num` (the compiler's target); every other lookup finds
 * nothing, so names resolve by the naming rule alone. Generated calls name every schema, table and
 * constraint explicitly, so they need no lookup to compile.
 *
 * @example
 * const { db, statements } = recordingDatabase(150000);
 * await db.createIndex({ schema: 'public', name: 'users' }, ['email'], { name: 'users_email_idx' });
 * statements; // [{ sql: 'CREATE INDEX "users_email_idx" ON ...', params: [] }]
 */
export function recordingDatabase(serverVersion: number): { db: Database; statements: Statement[] } {
  const statements: Statement[] = [];
  const empty = { rows: [], rowCount: 0 };
  const catalog: Queryable = {
    async query<R>(text: string): Promise<QueryResult<R>> {
      if (text.includes("current_setting('server_version_num')"))
        return { rows: [{ v: String(serverVersion) } as R], rowCount: 1 };
      return empty;
    },
    async exec() {},
    transaction: (fn) => fn(catalog),
  };
  return { db: createDatabase(dryRunExecutor(catalog, statements)), statements };
}

/** The SQL an emitted call runs, evaluated against a recording Database; null when the call throws. */
export async function recordCall(call: Src, serverVersion: number): Promise<string[] | null> {
  const { db, statements } = recordingDatabase(serverVersion);
  try {
    await evaluate(call, { db, field, sql });
  } catch {
    return null;
  }
  return statements.map((s) => s.sql);
}
