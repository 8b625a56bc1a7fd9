import { diff, type PlannedStatement } from '@justscale/diff';
import type { Queryable } from '@justscale/driver';
import { introspectWithin } from '@justscale/introspect';
import { emptySnapshot, normalizeSnapshot, type Snapshot } from '@justscale/schema';
import { quoteIdent } from '@justscale/sql';
import { adoptSpellings } from './adopt.js';
import { rejectedByPostgres } from './rejected.js';
import { type ScratchNames, schemasOf, scratchNames, toScratchSnapshot } from './scratch.js';

const ROLLBACK = Symbol('rollback');

/**
 * Gives the SQL written by users in a snapshot (defaults, generated expressions, check
 * expressions, index expressions and predicates, and the types named without a schema)
 * PostgreSQL's own spelling, as introspection will read it. Inside a transaction that is always
 * rolled back, it moves the snapshot's tables, enums and indexes to scratch schemas, creates them
 * with the plan `diff(empty, scratch)` compiles (the compiler every plan uses), reads them back
 * with `introspectWithin` (the reader of the live database), and substitutes the spellings read.
 * Names resolve as they do for the user: the models' own public first, then the session's
 * search_path (an extension's type installed in public, such as `citext`), then `pg_catalog`;
 * `TimeZone` is UTC. Nothing is left in the database. An expression PostgreSQL rejects raises its
 * error, prefixed with the model object that wrote it.
 *
 * @example
 * const desired = await canonicalizeSnapshot(driver, modelsToSnapshot(PgUser, PgPost));
 */
export async function canonicalizeSnapshot(driver: Queryable, snapshot: Snapshot): Promise<Snapshot> {
  if (snapshot.tables.length === 0) return normalizeSnapshot(snapshot);
  let result: Snapshot | null = null;
  try {
    await driver.transaction(async (tx) => {
      result = await canonicalizeIn(tx, snapshot);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  if (result === null) throw new Error('canonicalize: the scratch transaction produced nothing');
  return result;
}

async function canonicalizeIn(tx: Queryable, snapshot: Snapshot): Promise<Snapshot> {
  const schemas = schemasOf(snapshot);
  const session = await tx.query<{ search_path: string[]; printed: string[]; version: string }>(
    `SELECT pg_catalog.current_schemas(false)::pg_catalog.text[] AS search_path,
       ARRAY(SELECT pg_catalog.quote_ident(s) FROM pg_catalog.unnest($1::pg_catalog.text[]) WITH ORDINALITY AS u(s, n) ORDER BY n)::pg_catalog.text[] AS printed,
       pg_catalog.current_setting('server_version_num') AS version`,
    [schemas],
  );
  const row = session.rows[0]!;
  const names = scratchNames(schemas, row.printed, Math.random().toString(36).slice(2, 10));
  const scratch = toScratchSnapshot(snapshot, names);
  const plan = diff(emptySnapshot(), scratch, { serverVersion: Number(row.version) });
  const publicCopy = names.toScratch.get('public');
  const searchPath = [
    ...(publicCopy === undefined ? [] : [publicCopy]),
    ...row.search_path.filter((s) => s !== 'pg_catalog'),
    'pg_catalog',
  ];
  await tx.exec(
    `SET LOCAL search_path = ${searchPath.map(quoteIdent).join(', ')}; SET LOCAL "TimeZone" = 'UTC'`,
  );
  await run(tx, plan.statements, names);
  const read = await introspectWithin(tx, { schemas: [...names.toScratch.values()], migrationsTable: null });
  return normalizeSnapshot(adoptSpellings(snapshot, read, names));
}

/**
 * Runs the scratch plan as one script (one round trip). When PostgreSQL rejects it, the script is
 * rolled back to its savepoint and run again statement by statement, to say which one failed.
 */
async function run(
  tx: Queryable,
  statements: readonly PlannedStatement[],
  names: ScratchNames,
): Promise<void> {
  try {
    await tx.transaction((sp) => sp.exec(statements.map((s) => s.sql).join(';\n')));
    return;
  } catch {
    // Found again below, statement by statement.
  }
  for (const statement of statements) {
    try {
      await tx.exec(statement.sql);
    } catch (error) {
      throw rejectedByPostgres(error, statement, names);
    }
  }
  throw new Error('canonicalize: the scratch plan failed as a script but not statement by statement');
}
