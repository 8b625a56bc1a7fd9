import { columnsByName, snapshotsEqual } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diff, downPlan, type Plan } from '../src/index.js';
import { applyPlan, describeDifference, read, resetDatabase } from './support/apply.js';
import { mutate, schemaModel, toSql } from './support/model.js';

const RUNS = Number(process.env.JUSTSCALE_PROPERTY_RUNS ?? 15);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function build(sql: string) {
  await resetDatabase(db.driver);
  await db.driver.exec(sql);
  return read(db.driver);
}

describe('property: the plan from A to B, applied to A, gives B; its down gives A back; up again gives B', () => {
  it(
    `holds for ${RUNS} random schema pairs (both modes)`,
    async () => {
      const version = (await db.driver.serverVersion()).num;
      await fc.assert(
        fc.asyncProperty(
          schemaModel.chain((a) => mutate(a).map((b) => ({ a, b }))),
          fc.boolean(),
          async ({ a, b }, online) => {
            const sqlA = toSql(a);
            const sqlB = toSql(b);
            const snapA = await build(sqlA);
            const snapB = await build(sqlB);
            const empty = await build('');
            const options = { online, serverVersion: version };
            const step = async (
              from: typeof empty,
              to: typeof empty,
              what: string,
              plan: Plan = diff(from, to, options),
              // Column order counts, except after a down: a dropped column comes back at the end.
              order = true,
            ): Promise<void> => {
              try {
                await applyPlan(db.driver, plan);
              } catch (error) {
                throw new Error(
                  `${what}: ${(error as Error).message}\nA:\n${sqlA}\nB:\n${sqlB}\nplan:\n${plan.statements.map((s) => s.sql).join(';\n')}`,
                );
              }
              const after = await read(db.driver);
              const equal = order
                ? snapshotsEqual(after, to)
                : snapshotsEqual(columnsByName(after), columnsByName(to));
              if (!equal) {
                throw new Error(
                  `${what}: result differs\n${describeDifference(after, to)}\nA:\n${sqlA}\nB:\n${sqlB}\nplan:\n${plan.statements.map((s) => s.sql).join(';\n')}`,
                );
              }
              if (order)
                expect(
                  diff(after, to, options).statements.map((s) => s.sql),
                  `${what}: second diff`,
                ).toEqual([]);
            };
            await step(empty, snapA, 'empty → A');
            await step(snapA, snapB, 'A → B');
            // What a generated migration's down runs, then its up again.
            await step(snapB, snapA, 'down B → A', downPlan(snapA, snapB, options), false);
            await step(snapA, snapB, 'up again A → B', diff(snapA, snapB, options), false);
          },
        ),
        { seed: 20261126, numRuns: RUNS, endOnFailure: true },
      );
    },
    Math.max(180_000, RUNS * 15_000),
  );
});
