import type { Driver, Queryable } from '@justscale/driver';
import { introspect } from '@justscale/introspect';
import { type Snapshot, stableStringify } from '@justscale/schema';
import type { Plan } from '../../src/index.js';

/**
 * Runs a plan the way a runner does, on one pinned session: consecutive transactional statements
 * in one transaction, each non-transactional statement on its own.
 */
export async function applyPlan(driver: Driver, plan: Plan): Promise<void> {
  await driver.session(async (s) => {
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const sqls = batch;
      batch = [];
      await s.transaction(async (tx: Queryable) => {
        for (const sql of sqls) await run(tx, sql);
      });
    };
    for (const st of plan.statements) {
      if (st.transactional) batch.push(st.sql);
      else {
        await flush();
        await run(s, st.sql);
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
