import type { TestDatabase } from '@justscale/testing';
import { expect } from 'vitest';
import { compile, compileAll, IrreversibleOperationError, invert, type Statement } from '../src/index.js';
import type { Fixture } from './base.js';
import type { Case } from './case.js';
import { dumpSchemas } from './catalog.js';

type Db = Pick<TestDatabase['driver'], 'query' | 'exec' | 'transaction'>;

/**
 * Lets the worker's event loop breathe between statements. PGlite runs queries on the test worker's
 * own thread; without a turn of the I/O phase, vitest's worker RPC ("onTaskUpdate") can time out.
 */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The schemas the cases touch. */
export const schemasOf = (f: Fixture): string[] => [f.schema, f.n('app2'), f.n('app3')];

/** Whether the case (and its inverse) can run inside one transaction. */
export function transactional(f: Fixture, c: Case): boolean {
  if (c.autocommit) return false;
  const inverse = c.invert === undefined ? compileAll(invert(c.op, c.before ?? f.snapshot)) : [];
  return [...compile(c.op), ...inverse].every((s) => s.transactional);
}

/**
 * Runs statements as a runner would, outside any transaction: transactional ones each in a
 * transaction, the others alone, after checking that PostgreSQL refuses them inside a transaction.
 */
export async function executeAutocommit(db: Db, statements: readonly Statement[]): Promise<void> {
  for (const s of statements) {
    if (s.transactional) {
      await db.transaction((tx) => tx.exec(s.sql));
    } else {
      let refused = false;
      await db
        .transaction((tx) => tx.exec(s.sql))
        .catch(() => {
          refused = true;
        });
      expect(refused, `marked non-transactional but ran in a transaction: ${s.sql}`).toBe(true);
      await db.exec(s.sql);
    }
  }
}

/** SQL that drops what a previous case left and builds the fixture (all transactional). */
export function setupSql(f: Fixture, c?: Case): string {
  const names = schemasOf(f).map((s) => `"${s.replaceAll('"', '""')}"`);
  const setup = compileAll([...f.setup, ...(c?.setup ?? [])]);
  expect(setup.every((s) => s.transactional)).toBe(true);
  return [`DROP SCHEMA IF EXISTS ${names.join(', ')} CASCADE`, ...setup.map((s) => s.sql)].join(';\n');
}

/**
 * The body of every operation test: runs the case's setup and operation, checks the catalog, then
 * checks `invert` (applying the inverse must give the catalog back exactly).
 */
export async function runCase(
  db: Db,
  f: Fixture,
  c: Case,
  run: (statements: readonly Statement[]) => Promise<void>,
): Promise<void> {
  if (c.setup !== undefined) await run(compileAll(c.setup));
  await breathe();
  const before = await dumpSchemas(db, schemasOf(f));
  await breathe();
  await run(compile(c.op));
  await breathe();
  const after = await dumpSchemas(db, schemasOf(f));
  await breathe();
  for (const p of c.present ?? [])
    expect(
      after.filter((l) => l.includes(p)),
      `present: ${p}`,
    ).not.toEqual([]);
  for (const a of c.absent ?? [])
    expect(
      after.filter((l) => l.includes(a)),
      `absent: ${a}`,
    ).toEqual([]);
  if (c.noChange) expect(after).toEqual(before);
  else expect(after).not.toEqual(before);

  const snapshot = c.before ?? f.snapshot;
  if (c.invert === 'irreversible') {
    expect(() => invert(c.op, snapshot)).toThrow(IrreversibleOperationError);
  } else if (c.invert === 'none') {
    expect(invert(c.op, snapshot)).toEqual([]);
  } else {
    await run(compileAll(invert(c.op, snapshot)));
    await breathe();
    const restored = await dumpSchemas(db, schemasOf(f));
    const leaves = c.inverseLeaves ?? [];
    expect(restored.filter((l) => !leaves.some((x) => l.includes(x)))).toEqual(before);
  }
}
