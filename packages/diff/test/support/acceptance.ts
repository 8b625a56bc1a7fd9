import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnsByName, objectsOnly, type Snapshot, snapshotsEqual } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { expect } from 'vitest';
import { type DiffOptions, diff, downPlan, type Plan, planScript, type RenameHint } from '../../src/index.js';
import { applyPlan, describeDifference, read, resetDatabase } from './apply.js';
import { inheritanceDeclared } from './inheritance.js';

/**
 * The acceptance corpus: a folder per case with `from.sql`, `to.sql` and `expected.json`
 * (`{ hazards, online: true | false | "both", renames?, onlineHazards?, notes?, error? }`) and an
 * optional `check.sql` (a query whose first value must be true after the plan ran: data survived).
 * For each case and mode: build `to` and read it, build `from` and read it, diff, apply the plan
 * to `from`, read it again: it must equal `to`, and a second diff must be empty. The plan's hazard
 * kinds must be exactly the expected ones, and each statement's must be what the case's recorded plan
 * (`plan.sql`, `plan.online.sql`; `plan.pg<major>.sql` where a major plans differently) says: the
 * SQL with its hazard kinds and transaction mode, statement by statement. Then the way back, as a generated migration's `down`
 * runs it (`downPlan`): applied to the migrated database it must give `from`, and the plan applied
 * again must give `to` (up, down, up); and once more down, planned from a `to` with no recorded
 * dependencies, as a generated migration's `after` built from models has none.
 */
interface Expected {
  readonly hazards: readonly string[];
  readonly online: boolean | 'both';
  readonly onlineHazards?: readonly string[];
  readonly renames?: readonly RenameHint[];
  readonly notes?: readonly string[];
  readonly error?: string;
  /** Hazard kinds that must not appear (in both modes). */
  readonly absent?: readonly string[];
  /** `from` and `to` describe the same schema: the plan must be empty. */
  readonly empty?: boolean;
  /** Read privileges too (grants are opt-in in introspection). */
  readonly privileges?: boolean;
}

const root = join(import.meta.dirname, '..', 'cases');
/** Every case of the corpus, in name order. */
export const allCases: readonly string[] = readdirSync(root).sort();

let db: TestDatabase;

/** An empty database made `sql`, read (or the snapshot it was read as before: same SQL, same schema). */
async function build(sql: string, privileges: boolean, known?: Snapshot): Promise<Snapshot> {
  await resetDatabase(db.driver);
  await db.driver.exec(sql);
  return known ?? read(db.driver, { privileges });
}

/** The cases of shard `shard` of `shards` (every `shards`-th): the corpus is split over test files. */
export function shardOf(shard: number, shards: number): readonly string[] {
  return allCases.filter((_, i) => i % shards === shard - 1);
}

/** Opens the database the cases run on (one per test file). */
export async function openAcceptanceDatabase(): Promise<void> {
  db = await createTestDatabase({ extensions: ['citext'] });
}

export async function closeAcceptanceDatabase(): Promise<void> {
  await db?.close();
}

/**
 * Runs one case in each of its modes: the plan's hazards and recorded statements, the result equal
 * to `to`, an empty second diff, `check.sql`, and up, down, up.
 */
export async function runCase(name: string): Promise<void> {
  const dir = join(root, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const fromSql = readFileSync(join(dir, 'from.sql'), 'utf8');
  const toSql = readFileSync(join(dir, 'to.sql'), 'utf8');
  const checkSql = existsSync(join(dir, 'check.sql')) ? readFileSync(join(dir, 'check.sql'), 'utf8') : null;
  const modes = expected.online === 'both' ? [false, true] : [expected.online];
  const privileges = expected.privileges === true;
  const to = await build(toSql, privileges);
  const version = (await db.driver.serverVersion()).num;
  let fromRead: Snapshot | undefined;
  for (const online of modes) {
    const label = `${name} (${online ? 'online' : 'normal'})`;
    const from = await build(fromSql, privileges, fromRead);
    fromRead = from;
    const options = { online, serverVersion: version, renames: expected.renames ?? [] };
    if (expected.error !== undefined) {
      expect(() => diff(from, to, options), label).toThrow(expect.objectContaining({ code: expected.error }));
      continue;
    }
    const plan = diff(from, to, options);
    if (expected.empty === true) {
      expect(
        plan.statements.map((s) => s.sql),
        label,
      ).toEqual([]);
      continue;
    }
    expect(plan.statements.length, `${label}: the plan is not empty`).toBeGreaterThan(0);
    const kinds = [...new Set(plan.hazards.map((h) => h.kind))].sort();
    const wanted = online ? (expected.onlineHazards ?? expected.hazards) : expected.hazards;
    expect(kinds, `${label}: hazard kinds\n${sqlOf(plan)}`).toEqual([...new Set(wanted)].sort());
    await expect(recordedPlan(plan)).toMatchFileSnapshot(planFile(dir, online, version));
    for (const h of expected.absent ?? [])
      expect(kinds.includes(h as never), `${label}: no ${h}\n${sqlOf(plan)}`).toBe(false);
    for (const n of expected.notes ?? [])
      expect(
        plan.notes.map((x) => x.kind),
        label,
      ).toContain(n);
    if (online) {
      expect(
        plan.statements.every((s) => s.lockTimeout === '5s'),
        `${label}: lock_timeout`,
      ).toBe(true);
    }
    try {
      await applyPlan(db.driver, plan);
    } catch (error) {
      throw new Error(`${label}: ${(error as Error).message}\n--- plan ---\n${sqlOf(plan)}`);
    }
    const after = await read(db.driver, { privileges });
    if (!snapshotsEqual(after, to)) {
      throw new Error(
        `${label}: result differs from to.sql\n${describeDifference(after, to)}\n--- plan ---\n${sqlOf(plan)}`,
      );
    }
    const again = diff(after, to, { online, serverVersion: version });
    expect(
      again.statements.map((s) => s.sql),
      `${label}: second diff`,
    ).toEqual([]);
    if (checkSql !== null) {
      const { rows } = await db.driver.query(checkSql);
      expect(Object.values(rows[0] ?? {})[0], `${label}: check.sql`).toBe(true);
    }
    await upDownUp(label, plan, from, to, options, privileges);
    if (online === modes[0]) await downFromModels(label, from, to, options, privileges);
  }
}

/**
 * The way back as a generated migration plans it (once per case): its `after` is built from models
 * and records no dependencies, so the differ derives them (`graph/derived.ts`). Applied to the
 * migrated database, it must give `from`.
 */
async function downFromModels(
  label: string,
  from: Snapshot,
  to: Snapshot,
  options: DiffOptions,
  privileges: boolean,
): Promise<void> {
  const down = downPlan(from, objectsOnly(to), options);
  try {
    await applyPlan(db.driver, down);
  } catch (error) {
    throw new Error(
      `${label}: down from models failed: ${(error as Error).message}\n--- down ---\n${sqlOf(down)}`,
    );
  }
  const back = await read(db.driver, { privileges });
  if (!snapshotsEqual(wayBack(back), wayBack(from))) {
    throw new Error(
      `${label}: down from models does not give from.sql\n${describeDifference(back, from)}\n--- down ---\n${sqlOf(down)}`,
    );
  }
}

/** The migrated database (equal to `to`) taken back by the down plan to `from`, then up again to `to`. */
async function upDownUp(
  label: string,
  up: Plan,
  from: Snapshot,
  to: Snapshot,
  options: DiffOptions,
  privileges: boolean,
): Promise<void> {
  const down = downPlan(from, to, options);
  try {
    await applyPlan(db.driver, down);
  } catch (error) {
    throw new Error(`${label}: down failed: ${(error as Error).message}\n--- down ---\n${sqlOf(down)}`);
  }
  // Column order does not count: a column the up dropped comes back at the end of its table. Nor
  // does whether a child declares what it inherits: PostgreSQL cannot undeclare it.
  const back = await read(db.driver, { privileges });
  if (!snapshotsEqual(wayBack(back), wayBack(from))) {
    throw new Error(
      `${label}: down does not give from.sql\n${describeDifference(back, from)}\n--- down ---\n${sqlOf(down)}`,
    );
  }
  try {
    await applyPlan(db.driver, up);
  } catch (error) {
    throw new Error(
      `${label}: up after down failed: ${(error as Error).message}\n--- plan ---\n${sqlOf(up)}`,
    );
  }
  const again = await read(db.driver, { privileges });
  if (!snapshotsEqual(wayBack(again), wayBack(to))) {
    throw new Error(
      `${label}: up after down does not give to.sql\n${describeDifference(again, to)}\n--- plan ---\n${sqlOf(up)}`,
    );
  }
}

/**
 * The recorded plan of a case: its file for this major when the majors plan differently
 * (`plan.pg18.sql`), else the shared one.
 */
function planFile(dir: string, online: boolean, version: number): string {
  const base = online ? 'plan.online' : 'plan';
  const major = join(dir, `${base}.pg${Math.floor(version / 10000)}.sql`);
  return existsSync(major) ? major : join(dir, `${base}.sql`);
}

/**
 * Each statement with its hazard kinds and transaction mode above it, as the plan file records it:
 * the plan printed as a script, its timeouts as `SET` lines where they change (`planScript`).
 */
function recordedPlan(plan: Plan): string {
  return `${planScript(plan.statements)
    .map(({ sql, statement: s }) => {
      const kinds = [...new Set((s?.hazards ?? []).map((h) => h.kind))].sort();
      const head = [
        ...(kinds.length > 0 ? [`-- hazards: ${kinds.join(', ')}`] : []),
        ...(s === null || s.transactional ? [] : ['-- outside a transaction']),
      ];
      return [...head, `${sql};`].join('\n');
    })
    .join('\n\n')}\n`;
}

/** What the way back is compared on: columns by name, inherited columns and checks as declared. */
function wayBack(s: Snapshot): Snapshot {
  return columnsByName(inheritanceDeclared(s));
}

function sqlOf(plan: Plan): string {
  return planScript(plan.statements)
    .map(({ sql, statement: s }) => `${s === null || s.transactional ? '' : '[no tx] '}${sql};`)
    .join('\n');
}
