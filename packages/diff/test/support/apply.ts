import type { Driver, Queryable } from '@justscale/driver';
import { introspect } from '@justscale/introspect';
import { type Snapshot, stableStringify } from '@justscale/schema';
import { type Plan, type PlannedStatement, settingsSql, type Timeouts, timeoutsOf } from '../../src/index.js';

/**
 * Runs a plan the way a runner does, on one pinned session: consecutive transactional statements
 * in one transaction (each statement's timeouts `SET LOCAL` where they change), each
 * non-transactional statement on its own (its timeouts `SET` before it and `RESET` after it).
 */
export async function applyPlan(driver: Driver, plan: Plan): Promise<void> {
  await driver.session(async (s) => {
    let batch: PlannedStatement[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const statements = batch;
      batch = [];
      await s.transaction(async (tx: Queryable) => {
        let session: Timeouts = {};
        for (const st of statements) {
          for (const sql of settingsSql(session, timeoutsOf(st), { local: true })) await run(tx, sql);
          session = timeoutsOf(st);
          await run(tx, st.sql);
        }
      });
    };
    for (const st of plan.statements) {
      if (st.transactional) batch.push(st);
      else {
        await flush();
        for (const sql of settingsSql({}, timeoutsOf(st))) await run(s, sql);
        await run(s, st.sql);
        for (const sql of settingsSql(timeoutsOf(st), {})) await run(s, sql);
      }
    }
    await flush();
  });
}

async function run(q: Queryable, sql: string): Promise<void> {
  try {
    await q.exec(sql);
  } catch (error) {
    throw new Error(`plan statement failed: ${(error as Error).message}\n${sql}`, { cause: error });
  }
}

const SYSTEM = "nspname !~ '^pg_' AND nspname <> 'information_schema'";

/** Drops every user schema (and what is in it) and recreates an empty `public`. */
export async function resetDatabase(driver: Driver): Promise<void> {
  const { rows } = await driver.query<{ nspname: string }>(
    `SELECT nspname::text FROM pg_catalog.pg_namespace WHERE ${SYSTEM}`,
  );
  const drops = rows.map((r) => `DROP SCHEMA "${r.nspname.replaceAll('"', '""')}" CASCADE;`).join('\n');
  await driver.exec(`${drops}\nCREATE SCHEMA public;`);
}

/** The database's schema, as the tests compare it. */
export async function read(driver: Driver, options: { privileges?: boolean } = {}): Promise<Snapshot> {
  return introspect(driver, options);
}

/** A readable difference between two snapshots (the first differing top-level lists). */
export function describeDifference(actual: Snapshot, expected: Snapshot): string {
  const out: string[] = [];
  for (const key of Object.keys(expected) as (keyof Snapshot)[]) {
    const a = stableStringify(actual[key], 1);
    const e = stableStringify(expected[key], 1);
    if (a !== e)
      out.push(
        `${key}:\n  actual:   ${stableStringify(actual[key])}\n  expected: ${stableStringify(expected[key])}`,
      );
  }
  return out.join('\n');
}
