import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Fixture, fixture, type Names } from './base.js';
import { allCases } from './cases.js';
import { breathe, executeAutocommit, runCase, setupSql, transactional } from './run.js';

// Every case runs on a real database: the golden SQL must be accepted, must change the catalog as the
// case says, and the inverse must restore the catalog exactly. Plain names, then hostile ones.
export function operationSuite(label: string, names: Names): void {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ extensions: ['pg_trgm'] });
  });
  afterAll(async () => {
    await db?.close();
  });

  describe(`with ${label} names`, () => {
    const f: Fixture = fixture(names);
    const cases = allCases(f);

    // Transactional cases share one fixture inside a transaction; each case runs in a savepoint that is
    // rolled back, so the next one starts from the fixture again.
    describe('inside a transaction', () => {
      let session: Pick<TestDatabase['driver'], 'query' | 'exec' | 'transaction'>;
      let release: () => void = () => {};
      let ended: Promise<unknown> = Promise.resolve();
      beforeAll(async () => {
        await new Promise<void>((ready, fail) => {
          ended = db.driver
            .session(async (s) => {
              session = s;
              await s.exec('BEGIN');
              await s.exec(setupSql(f));
              ready();
              await new Promise<void>((r) => {
                release = r;
              });
              await s.exec('ROLLBACK');
            })
            .catch(fail);
        });
      });
      afterAll(async () => {
        release();
        await ended;
      });
      it.each(cases.filter((c) => transactional(f, c)).map((c) => [c.title, c] as const))(
        '%s',
        async (_title, c) => {
          await session.exec('SAVEPOINT one_case');
          try {
            await runCase(session, f, c, async (statements) => {
              for (const s of statements) {
                await session.exec(s.sql);
                await breathe();
              }
            });
          } finally {
            await session.exec('ROLLBACK TO SAVEPOINT one_case');
          }
        },
      );
    });

    describe('outside a transaction', () => {
      it.each(cases.filter((c) => !transactional(f, c)).map((c) => [c.title, c] as const))(
        '%s',
        async (_title, c) => {
          await db.driver.exec(setupSql(f));
          await runCase(db.driver, f, c, (statements) => executeAutocommit(db.driver, statements));
        },
      );
    });
  });
}
