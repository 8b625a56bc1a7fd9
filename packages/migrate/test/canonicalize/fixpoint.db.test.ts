import { diff } from '@justscale/diff';
import { introspect } from '@justscale/introspect';
import {
  defineEnum,
  defineModel,
  type EnumDef,
  field,
  type ModelLike,
  modelsToSnapshot,
  sql,
} from '@justscale/models';
import type { Snapshot } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTypes, HostileTable, PgPost, PgUser } from '../../../models/test/sample-models.js';
import { canonicalizeSnapshot } from '../../src/canonicalize/index.js';

// The fixpoint for models: from an empty database, plan the migration to the models, apply it,
// introspect: the result equals the models' snapshot, and a second plan is empty.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const part = (s: Snapshot) => ({ enums: s.enums, tables: s.tables, indexes: s.indexes });
const changes = (current: Snapshot, desired: Snapshot, version: number) =>
  diff(current, desired, { serverVersion: version }).statements.filter((s) => !/^SET /i.test(s.sql));

async function fixpoint(items: (ModelLike | EnumDef)[]): Promise<void> {
  const pure = modelsToSnapshot(...items);
  const schemas = [...new Set([...pure.tables.map((t) => t.schema), ...pure.enums.map((e) => e.schema)])];
  for (const s of schemas) await db.driver.exec(`DROP SCHEMA IF EXISTS "${s.replaceAll('"', '""')}" CASCADE`);
  await db.driver.exec('CREATE SCHEMA IF NOT EXISTS public');
  const version = (await db.driver.serverVersion()).num;
  const before = await introspect(db.driver, { schemas });
  const canonical = await canonicalizeSnapshot(db.driver, pure);
  const desired: Snapshot = {
    ...before,
    ...part(canonical),
    schemas: [
      ...before.schemas,
      ...canonical.schemas.filter((s) => !before.schemas.some((b) => b.name === s.name)),
    ],
  };
  for (const st of changes(before, desired, version)) await db.driver.exec(st.sql);
  const after = await introspect(db.driver, { schemas });
  expect(part(after)).toEqual(part(desired));
  expect(changes(after, desired, version).map((s) => s.sql)).toEqual([]);
}

const E = defineEnum('E', ['a', 'b']);
const one = (name: string, f: Parameters<typeof defineModel>[1][string]) =>
  defineModel(name, { id: field.integer().primaryKey(), v: f });

describe('fixpoint: plan from empty, apply, introspect, plan again', () => {
  it.each<[string, (ModelLike | EnumDef)[]]>([
    ['every builder with a default', [allTypes]],
    ['users and posts', [PgUser, PgPost]],
    ['hostile names in another schema', [HostileTable]],
    ['optional', [one('m_optional', field.text().optional())]],
    ['unique', [one('m_unique', field.text().unique({ nullsNotDistinct: true }))]],
    ['index', [one('m_index', field.text().index({ method: 'hash' }))]],
    ['check', [one('m_check', field.integer().check(sql`v BETWEEN 1 AND 10`))]],
    ['comment', [one('m_comment', field.text().comment("it's"))]],
    ['generated', [one('m_generated', field.integer().generated(sql`id * 2`))]],
    [
      'identity always',
      [
        defineModel('m_identity', {
          id: field.bigint().primaryKey().identity({ always: true, start: 5, cache: 3 }),
        }),
      ],
    ],
    ['default sql', [one('m_default', field.custom('timestamptz').default(sql`now() + interval '1 day'`))]],
    ['enum array', [E, one('m_enum', field.enum(E).array().default(['a']))]],
    ['collation', [one('m_collate', field.text().collate('C'))]],
    ['column override', [one('m_column', field.text().column('Exact Name'))]],
    [
      'references',
      [
        one('m_ref_target', field.text().unique()),
        defineModel('m_ref', {
          t: field.text().references({ table: 'm_ref_target', column: 'v' }, { onDelete: 'RESTRICT' }),
        }),
      ],
    ],
    [
      'table options',
      [
        defineModel(
          'm_table',
          { a: field.integer(), b: field.text(), c: field.jsonb() },
          {
            primaryKey: ['a', 'b'],
            uniques: [{ columns: ['b'], include: ['a'] }],
            indexes: [
              { columns: [{ expression: sql`lower(b)` }], where: sql`a > 0`, unique: true },
              { columns: ['c'], method: 'gin' },
              { columns: ['a'], method: 'brin' },
              { columns: [{ column: 'b', desc: true, nullsFirst: false }] },
            ],
            checks: [{ expression: sql`a > 0 AND b <> ''`, name: 'm_table_ok' }],
            foreignKeys: [
              {
                columns: ['a', 'b'],
                references: { table: 'm_table', columns: ['a', 'b'] },
                match: 'FULL',
                deferrable: true,
              },
            ],
            comment: 'table',
          },
        ),
      ],
    ],
  ])('%s', async (_label, items) => {
    await fixpoint(items);
  });
});

describe('renamedFrom through the differ', () => {
  it('renames the column instead of dropping it', async () => {
    const { renameHintsOf } = await import('@justscale/models');
    await fixpoint([defineModel('m_rename', { id: field.integer().primaryKey(), name: field.text() })]);
    await db.driver.exec(`INSERT INTO public.m_rename VALUES (1, 'kept')`);
    const v2 = defineModel('m_rename', {
      id: field.integer().primaryKey(),
      fullName: field.text().renamedFrom('name'),
    });
    const version = (await db.driver.serverVersion()).num;
    const before = await introspect(db.driver, { schemas: ['public'] });
    const desired = { ...before, ...part(await canonicalizeSnapshot(db.driver, modelsToSnapshot(v2))) };
    const plan = diff(before, desired, { serverVersion: version, renames: renameHintsOf(v2) });
    const statements = plan.statements.filter((s) => !/^SET /i.test(s.sql)).map((s) => s.sql);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/RENAME COLUMN "name" TO "full_name"/);
    for (const s of statements) await db.driver.exec(s);
    expect((await db.driver.query('SELECT full_name FROM public.m_rename')).rows).toEqual([
      { full_name: 'kept' },
    ]);
  });
});
