import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileAll } from '../src/index.js';
import { fixture, hostileNames, plainNames } from './base.js';
import { dumpSchemas } from './catalog.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('the fixture compiles and runs', () => {
  it.each([{ label: 'plain', names: plainNames }, ...hostileNames])(
    'with $label names',
    async ({ names }) => {
      const f = fixture(names);
      for (const s of compileAll(f.setup)) await db.driver.exec(s.sql);
      const dump = await dumpSchemas(db.driver, [f.schema]);
      expect(dump.some((l) => l.startsWith(`relation ${f.n('users')} kind=r`))).toBe(true);
      console.log(dump.join('\n'));
    },
  );
});
