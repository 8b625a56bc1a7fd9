import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDriver, pgliteDriver } from '../src/index.js';

// PGlite has one connection. These tests show what the adapter does about it; the shared
// conformance suite (packages/testing) covers everything else on PGlite.

let pglite: PGlite;
beforeAll(async () => {
  pglite = await PGlite.create();
});
afterAll(() => pglite.close());

describe('pgliteDriver', () => {
  it('makes a session of one driver wait for the session of another driver over the same instance', async () => {
    const one = pgliteDriver(pglite);
    const two = pgliteDriver(pglite);
    const log: string[] = [];
    let locked!: () => void;
    const firstLocked = new Promise<void>((resolve) => (locked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = one.session(async (s) => {
      await s.query('SELECT pg_advisory_lock(7)');
      log.push('first locked');
      locked();
      await released;
      log.push('first ends');
    });
    await firstLocked;
    const second = two.session(async (s) => {
      const { rows } = await s.query<{ got: boolean }>('SELECT pg_try_advisory_lock(7) AS got');
      log.push(`second got the lock: ${rows[0]?.got}`);
      await s.query('SELECT pg_advisory_unlock(7)');
    });
    const plain = two.query('SELECT 1').then(() => log.push('plain query'));
    // A query straight on the instance, behind anything the two calls above sent it: when it is
    // answered, a driver that did not make them wait would have logged them.
    await pglite.query('SELECT 1');
    await Promise.resolve();
    expect(log).toEqual(['first locked']);
    release();
    await Promise.all([first, second, plain]);
    expect(log).toEqual(['first locked', 'first ends', 'second got the lock: true', 'plain query']);
  });

  it('keeps concurrent transactions apart', async () => {
    const driver = pgliteDriver(pglite);
    await driver.exec('CREATE TABLE apart (id int)');
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = driver.transaction(async (tx) => {
      await tx.query('INSERT INTO apart VALUES (1)');
      await held;
      throw new Error('rolled back');
    });
    const passing = driver.transaction(async (tx) => {
      await tx.query('INSERT INTO apart VALUES (2)');
    });
    // A query straight on the instance is answered after anything already sent to it: a driver
    // that let the second transaction in while the first is open would have sent its INSERT.
    await pglite.query('SELECT 1');
    release();
    await expect(failing).rejects.toThrow('rolled back');
    await passing;
    expect((await driver.query('SELECT id FROM apart')).rows).toEqual([{ id: 2 }]);
  });

  it("lets code inside a session call the driver itself, on the session's connection", async () => {
    const driver = pgliteDriver(pglite);
    const value = await driver.session(async (s) => {
      await s.exec("SET application_name = 'inside'");
      const nested = await driver.session((inner) =>
        inner.query("SELECT current_setting('application_name') AS v"),
      );
      const top = await driver.query("SELECT current_setting('application_name') AS v");
      return [nested.rows, top.rows];
    });
    expect(value).toEqual([[{ v: 'inside' }], [{ v: 'inside' }]]);
    // …and the session's state was reset when it ended.
    expect((await driver.query("SELECT current_setting('application_name') AS v")).rows).not.toEqual([
      { v: 'inside' },
    ]);
  });

  it('leaves a PGlite instance it does not own open on close()', async () => {
    const driver = pgliteDriver(pglite);
    await driver.close();
    await expect(driver.query('SELECT 1')).rejects.toThrow(/closed/);
    expect((await pglite.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});

describe('createPgliteDriver', () => {
  it('keeps the database in a data directory across instances', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'justscale-pglite-'));
    try {
      const first = await createPgliteDriver({ dataDir });
      await first.exec(`CREATE TABLE "kept ünïcödé" (id int); INSERT INTO "kept ünïcödé" VALUES (1)`);
      await first.close();
      const second = await createPgliteDriver({ dataDir });
      expect((await second.query('SELECT id FROM "kept ünïcödé"')).rows).toEqual([{ id: 1 }]);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
