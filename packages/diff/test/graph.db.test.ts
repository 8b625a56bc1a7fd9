import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { objectsOnly, type Snapshot } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effects, refKeys } from '../src/graph/keys.js';
import { buildEdges } from '../src/graph/order.js';
import { type DiffOptions, diff, downPlan, type Plan } from '../src/index.js';
import { read, resetDatabase } from './support/apply.js';

/**
 * The properties of a plan ordered by the dependency graph (docs DIFF-GRAPH.md), on every case of
 * the acceptance corpus that diffs without an error: every dependency recorded in `to` is created
 * after what it depends on, every dependency recorded in `from` is dropped before what it depends
 * on, no plan drops an object whose dependent it keeps, and shuffling the snapshots' arrays gives
 * the same plan. The same holds when `to` is built from models (no recorded dependencies), for the
 * plan there and for the `down` back. (The acceptance test applies the plans; this one checks their
 * order.)
 */
const root = join(import.meta.dirname, 'cases');
const cases = readdirSync(root)
  .sort()
  .filter((name) => {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as {
      error?: string;
    };
    return expected.error === undefined;
  });

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ extensions: ['citext'] });
});
afterAll(async () => {
  await db?.close();
});

async function build(sql: string): Promise<Snapshot> {
  await resetDatabase(db.driver);
  await db.driver.exec(sql);
  return read(db.driver, {});
}

/** Positions of the plan's operations that create (or drop) an object a reference names. */
function positions(plan: Plan, current: Snapshot, side: 'creates' | 'drops'): (keys: string[]) => number[] {
  const all = plan.operations.map((op) => effects(op, current)[side]);
  return (keys) => {
    for (const k of keys) {
      const found = all.flatMap((list, i) => (list.includes(k) ? [i] : []));
      if (found.length > 0) return found;
    }
    return [];
  };
}

const OWN = new Set(['index', 'constraint', 'default', 'trigger', 'policy', 'rule']);
/** A dependency PostgreSQL refuses to break without CASCADE (not one of the automatic ones). */
// A partition's index goes with the parent's index it is attached to (recorded index on index).
const normal = (d: { from: { kind: string }; on: { kind: string } }): boolean =>
  d.from.kind !== 'sequence' &&
  !(OWN.has(d.from.kind) && (d.on.kind === 'table' || d.on.kind === 'column')) &&
  !(d.from.kind === 'index' && d.on.kind === 'index');

/**
 * An index PostgreSQL rebuilds itself when the plan retypes (or moves to another collation) a
 * column it covers: what it depended on is let go by the `ALTER COLUMN ... TYPE`, not by a drop.
 */
function rebuiltWithColumn(
  plan: Plan,
  current: Snapshot,
  r: { kind: string; schema: string; name: string },
): boolean {
  if (r.kind !== 'index') return false;
  const i = current.indexes.find((x) => x.schema === r.schema && x.name === r.name);
  if (i === undefined) return false;
  return plan.operations.some(
    (op) =>
      op.kind === 'alterColumnType' &&
      op.table.schema === i.schema &&
      op.table.name === i.table &&
      i.keys.some((k) => k.column === op.column),
  );
}

/** A seeded Fisher–Yates shuffle (the same permutation on every run). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function shuffled(s: Snapshot, seed: number): Snapshot {
  return {
    ...s,
    enums: shuffle(s.enums, seed),
    domains: shuffle(s.domains, seed + 1),
    compositeTypes: shuffle(s.compositeTypes, seed + 2),
    sequences: shuffle(s.sequences, seed + 3),
    tables: shuffle(s.tables, seed + 4).map((t) => ({
      ...t,
      constraints: shuffle(t.constraints, seed + 5),
      policies: shuffle(t.policies, seed + 6),
    })),
    indexes: shuffle(s.indexes, seed + 7),
    views: shuffle(s.views, seed + 8),
    functions: shuffle(s.functions, seed + 9),
    triggers: shuffle(s.triggers, seed + 10),
    ...(s.dependencies === undefined ? {} : { dependencies: shuffle(s.dependencies, seed + 11) }),
    collations: shuffle(s.collations ?? [], seed + 12),
    rules: shuffle(s.rules ?? [], seed + 13),
  };
}

/**
 * Every edge the recorded dependencies give between the plan's operations is respected, and the
 * plan never drops an object and keeps what depends on it (renames aside: they move names).
 * PostgreSQL drops an index, a constraint, a default, a trigger or a policy with the table or
 * column it belongs to, and a sequence with the column that owns it ("automatic" dependencies).
 */
function respectsRecorded(
  name: string,
  plan: Plan,
  from: Snapshot,
  to: Snapshot,
  renames: readonly unknown[],
): void {
  const sqls = plan.statements.map((s) => s.sql);
  const vertices = plan.operations.map((op, seq) => ({ op, phase: 0, seq }));
  for (const e of buildEdges(vertices, from, to)) {
    expect(e.before, `${name}: ${e.reason}\n${sqls.join(';\n')}`).toBeLessThan(e.after);
  }
  if (renames.length > 0) return;
  const dropped = positions(plan, from, 'drops');
  for (const d of from.dependencies ?? []) {
    if (!normal(d) || rebuiltWithColumn(plan, from, d.from)) continue;
    const real = dropped(refKeys(d.on)).filter((i) => plan.operations[i]?.kind.startsWith('drop'));
    if (real.length === 0) continue;
    expect(
      dropped(refKeys(d.from)).length,
      `${name}: drops ${JSON.stringify(d.on)} but keeps ${JSON.stringify(d.from)}\n${sqls.join(';\n')}`,
    ).toBeGreaterThan(0);
  }
}

describe('plans ordered by the dependency graph', () => {
  it('covers the corpus', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases)('%s', async (name) => {
    const dir = join(root, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
      renames?: DiffOptions['renames'];
      privileges?: boolean;
    };
    if (expected.privileges === true) return;
    const to = await build(readFileSync(join(dir, 'to.sql'), 'utf8'));
    const from = await build(readFileSync(join(dir, 'from.sql'), 'utf8'));
    const version = (await db.driver.serverVersion()).num;
    for (const online of [false, true]) {
      const options: DiffOptions = { online, serverVersion: version, renames: expected.renames ?? [] };
      const plan = diff(from, to, options);
      const sqls = plan.statements.map((s) => s.sql);
      respectsRecorded(name, plan, from, to, expected.renames ?? []);
      // As a generated migration plans them: `after` is built from models and records nothing, so
      // the differ derives its dependencies (carried over, structural, guessed); the plans must
      // still respect every edge PostgreSQL records, on the way there and on the way back.
      const bare = objectsOnly(to);
      respectsRecorded(
        `${name} (after from models)`,
        diff(from, bare, options),
        from,
        to,
        expected.renames ?? [],
      );
      if ((expected.renames ?? []).length === 0) {
        respectsRecorded(`${name} (down from models)`, downPlan(from, bare, options), to, from, []);
      }
      for (const seed of [1, 2, 3]) {
        expect(
          diff(shuffled(from, seed), shuffled(to, seed * 7), options).statements.map((s) => s.sql),
          name,
        ).toEqual(sqls);
      }
      // Derived dependencies do not depend on the order of the snapshots' arrays either.
      expect(
        diff(shuffled(from, 5), shuffled(bare, 11), options).statements.map((s) => s.sql),
        `${name} (after from models)`,
      ).toEqual(diff(from, bare, options).statements.map((s) => s.sql));
    }
  });
});
