import {
  builtinType,
  emptySnapshot,
  index,
  type Snapshot,
  snapshot,
  type Table,
  table,
  userType,
  type View,
} from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { diff, InvalidRenameHintError, type Plan, planScript } from '../src/index.js';

const int = builtinType('integer');
const text = builtinType('text');
const users = table({
  schema: 'public',
  name: 'users',
  columns: [
    { name: 'id', type: int, notNull: true },
    { name: 'name', type: text },
  ],
  constraints: [
    {
      kind: 'primaryKey',
      name: 'users_pkey',
      columns: ['id'],
      include: [],
      deferrable: false,
      initiallyDeferred: false,
      comment: null,
    },
  ],
});
const posts = table({
  schema: 'app',
  name: 'posts',
  columns: [
    { name: 'id', type: int },
    { name: 'user_id', type: int },
  ],
  constraints: [
    {
      kind: 'foreignKey',
      name: 'posts_user_fkey',
      columns: ['user_id'],
      references: { table: { schema: 'public', name: 'users' }, columns: ['id'] },
      match: 'SIMPLE',
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
      onDeleteColumns: null,
      deferrable: false,
      initiallyDeferred: false,
      comment: null,
    },
  ],
});
const view = (t: Table, name: string, definition: string): View => ({
  schema: t.schema,
  name,
  materialized: false,
  definition,
  columns: [],
  checkOption: null,
  securityBarrier: false,
  securityInvoker: false,
  columnComments: {},
  comment: null,
});

const sqls = (p: Plan): string[] => p.statements.map((s) => s.sql);
const at = (p: Plan, pattern: RegExp): number => {
  const i = p.statements.findIndex((s) => pattern.test(s.sql));
  if (i < 0) throw new Error(`no statement matches ${pattern}:\n${sqls(p).join('\n')}`);
  return i;
};
const kinds = (p: Plan): string[] => [...new Set(p.hazards.map((h) => h.kind))].sort();

const full: Snapshot = snapshot({
  schemas: [
    { name: 'app', comment: null },
    { name: 'public', comment: null },
  ],
  enums: [{ schema: 'public', name: 'mood', values: ['a', 'b'], comment: null }],
  tables: [
    posts,
    table({ ...users, columns: [...users.columns, { name: 'm', type: userType('public', 'mood') }] }),
  ],
  views: [view(users, 'names', ' SELECT users.name\n   FROM public.users;')],
});

describe('ordering', () => {
  it('creates schemas and types before tables, tables before foreign keys, views last', () => {
    const p = diff(emptySnapshot(), full);
    expect(at(p, /^CREATE SCHEMA "app"/)).toBeLessThan(at(p, /^CREATE TABLE "app"."posts"/));
    expect(at(p, /^CREATE TYPE "public"."mood"/)).toBeLessThan(at(p, /^CREATE TABLE "public"."users"/));
    expect(at(p, /^CREATE TABLE "public"."users"/)).toBeLessThan(at(p, /ADD CONSTRAINT "posts_user_fkey"/));
    expect(at(p, /^CREATE TABLE "app"."posts"/)).toBeLessThan(at(p, /ADD CONSTRAINT "posts_user_fkey"/));
    expect(at(p, /ADD CONSTRAINT "posts_user_fkey"/)).toBeLessThan(at(p, /^CREATE VIEW/));
  });

  it('drops in reverse: views, referencing tables (their foreign keys with them), tables, then types and schemas', () => {
    const p = diff(full, emptySnapshot());
    expect(at(p, /^DROP VIEW/)).toBeLessThan(at(p, /^DROP TABLE "app"."posts"/));
    // posts references users: it goes first and takes its foreign key with it.
    expect(p.statements.some((s) => /DROP CONSTRAINT "posts_user_fkey"/.test(s.sql))).toBe(false);
    expect(at(p, /^DROP TABLE "app"."posts"/)).toBeLessThan(at(p, /^DROP TABLE "public"."users"/));
    expect(at(p, /^DROP TABLE "public"."users"/)).toBeLessThan(at(p, /^DROP TYPE "public"."mood"/));
    expect(at(p, /^DROP TABLE "app"."posts"/)).toBeLessThan(at(p, /^DROP SCHEMA "app"/));
    expect(kinds(p)).toContain('deletes-data');
  });

  it('drops a view that reads a retyped column before the change and creates it after', () => {
    const to = snapshot({
      ...full,
      tables: full.tables.map((t) =>
        t.name === 'users'
          ? {
              ...t,
              columns: t.columns.map((c) =>
                c.name === 'name' ? { ...c, type: builtinType('character varying(50)') } : c,
              ),
            }
          : t,
      ),
    });
    const p = diff(full, to);
    expect(at(p, /^DROP VIEW "public"."names"/)).toBeLessThan(at(p, /ALTER COLUMN "name" TYPE/));
    expect(at(p, /ALTER COLUMN "name" TYPE/)).toBeLessThan(at(p, /^CREATE VIEW "public"."names"/));
  });

  it('replaces a view whose columns are only appended, recreates one whose columns change', () => {
    const two = view(users, 'names', ' SELECT users.id,\n    users.name\n   FROM public.users;');
    const three = view(
      users,
      'names',
      ' SELECT users.id,\n    users.name,\n    users.m\n   FROM public.users;',
    );
    const swapped = view(users, 'names', ' SELECT users.name,\n    users.id\n   FROM public.users;');
    const withView = (v: View) => snapshot({ ...full, views: [v] });
    expect(sqls(diff(withView(two), withView(three)))).toEqual([
      `CREATE OR REPLACE VIEW "public"."names" AS ${three.definition.trim().replace(/;$/, '')}`,
    ]);
    const p = diff(withView(two), withView(swapped));
    expect(at(p, /^DROP VIEW "public"."names"/)).toBeLessThan(at(p, /^CREATE VIEW "public"."names"/));
    expect(p.notes.map((n) => n.kind)).toContain('recreated');
  });

  it('is empty for equal snapshots', () => {
    expect(diff(full, full).statements).toEqual([]);
    expect(diff(full, full, { online: true }).statements).toEqual([]);
  });

  it('is empty for equal snapshots that are different objects, whatever their dependencies', () => {
    const copy = JSON.parse(JSON.stringify(full)) as Snapshot;
    const withDependencies: Snapshot = {
      ...copy,
      dependencies: [
        {
          from: { kind: 'view', schema: 'public', name: 'names' },
          on: { kind: 'column', schema: 'public', name: 'users', column: 'name' },
        },
      ],
    };
    const p = diff(full, withDependencies);
    expect(p.operations).toEqual([]);
    expect(p.statements).toEqual([]);
    expect(p.notes).toEqual([]);
    expect(p.hazards).toEqual([]);
    expect(Object.isFrozen(p) && Object.isFrozen(p.statements)).toBe(true);
  });

  it('still rejects a rename hint that names nothing when the snapshots are equal', () => {
    expect(() =>
      diff(full, full, { renames: [{ kind: 'table', schema: 'public', from: 'nope', to: 'nada' }] }),
    ).toThrow(InvalidRenameHintError);
  });

  it('ties each statement to the operation it came from', () => {
    const p = diff(emptySnapshot(), full);
    for (const s of p.statements) expect(p.operations).toContain(s.operation);
  });
});

describe('enums', () => {
  const withValues = (values: string[]) =>
    snapshot({ ...full, enums: [{ schema: 'public', name: 'mood', values, comment: null }] });

  it('adds a value in place, in the transaction when no later statement uses it (PostgreSQL 12+)', () => {
    const p = diff(full, withValues(['a', 'x', 'b']), { serverVersion: 150000 });
    expect(sqls(p)).toEqual([`ALTER TYPE "public"."mood" ADD VALUE 'x' AFTER 'a'`]);
    expect(p.statements[0]?.transactional).toBe(true);
    expect(kinds(p)).toEqual(['enum-value-uncommitted']);
  });

  it('adds a value outside a transaction when a later statement uses it, or before PostgreSQL 12', () => {
    const used = snapshot({
      ...withValues(['a', 'x', 'b']),
      tables: withValues(['a', 'x', 'b']).tables.map((t) =>
        t.name !== 'users'
          ? t
          : {
              ...t,
              columns: t.columns.map((c) => (c.name === 'm' ? { ...c, default: "'x'::public.mood" } : c)),
            },
      ),
    });
    const p = diff(full, used, { serverVersion: 150000 });
    expect(p.statements[0]?.sql).toBe(`ALTER TYPE "public"."mood" ADD VALUE 'x' AFTER 'a'`);
    expect(p.statements[0]?.transactional).toBe(false);
    expect(kinds(p)).toContain('not-transactional');
    const old = diff(full, withValues(['a', 'x', 'b']), { serverVersion: 110000 });
    expect(old.statements[0]?.transactional).toBe(false);
    expect(kinds(old)).toEqual(['enum-value-uncommitted', 'not-transactional']);
  });

  it('rebuilds on removal: new type, columns converted through text, old dropped, new renamed', () => {
    const p = diff(full, withValues(['b']));
    const create = at(p, /^CREATE TYPE "public"."mood__new"/);
    const alter = at(p, /ALTER COLUMN "m" TYPE "public"."mood__new" USING "m"::text::"public"."mood__new"/);
    const drop = at(p, /^DROP TYPE "public"."mood"$/);
    const rename = at(p, /RENAME TO "mood"/);
    expect([create, alter, drop, rename]).toEqual([...[create, alter, drop, rename]].sort((x, y) => x - y));
    expect(kinds(p)).toContain('may-fail-on-existing-data');
    expect(p.notes.map((n) => n.kind)).toContain('rebuilt');
  });

  it('renames a value only with a hint', () => {
    const to = withValues(['a', 'c']);
    const hinted = diff(full, to, {
      renames: [{ kind: 'enumValue', schema: 'public', table: 'mood', from: 'b', to: 'c' }],
    });
    expect(sqls(hinted)).toEqual([`ALTER TYPE "public"."mood" RENAME VALUE 'b' TO 'c'`]);
    expect(sqls(diff(full, to))).not.toContain(`ALTER TYPE "public"."mood" RENAME VALUE 'b' TO 'c'`);
  });
});

describe('hazards and online mode', () => {
  const withUsers = (t: Table): Snapshot =>
    snapshot({ ...full, tables: full.tables.map((x) => (x.name === 'users' ? t : x)) });
  const u = full.tables.find((t) => t.name === 'users') as Table;

  it('labels a dropped column deletes-data and never guesses a rename', () => {
    const to = withUsers({
      ...u,
      columns: u.columns.map((c) => (c.name === 'name' ? { ...c, name: 'label' } : c)),
    });
    const p = diff(full, to);
    expect(kinds(p)).toContain('deletes-data');
    expect(p.notes.map((n) => n.kind)).toContain('possible-rename');
    const hinted = diff(full, to, {
      renames: [{ kind: 'column', schema: 'public', table: 'users', from: 'name', to: 'label' }],
    });
    expect(kinds(hinted)).not.toContain('deletes-data');
    expect(sqls(hinted)[0]).toBe('ALTER TABLE "public"."users" RENAME COLUMN "name" TO "label"');
  });

  it('SET NOT NULL: may fail normally; online through a validated check', () => {
    const to = withUsers({
      ...u,
      columns: u.columns.map((c) => (c.name === 'name' ? { ...c, notNull: true } : c)),
    });
    expect(kinds(diff(full, to))).toContain('may-fail-on-existing-data');
    const p = diff(full, to, { online: true, lockTimeout: '2s', statementTimeout: '10s' });
    // Each statement carries its timeouts; printed as a script, they become SET lines where they change.
    expect(p.statements.map((s) => [s.lockTimeout, s.statementTimeout])).toEqual([
      ['2s', '10s'],
      ['2s', '0'],
      ['2s', '10s'],
      ['2s', '10s'],
    ]);
    expect(planScript(p.statements).map((s) => s.sql)).toEqual([
      `SET lock_timeout = '2s'`,
      `SET statement_timeout = '10s'`,
      'ALTER TABLE "public"."users" ADD CONSTRAINT "users_name_nn_check" CHECK ("name" IS NOT NULL) NOT VALID',
      `SET statement_timeout = '0'`,
      'ALTER TABLE "public"."users" VALIDATE CONSTRAINT "users_name_nn_check"',
      `SET statement_timeout = '10s'`,
      'ALTER TABLE "public"."users" ALTER COLUMN "name" SET NOT NULL',
      'ALTER TABLE "public"."users" DROP CONSTRAINT "users_name_nn_check"',
      'RESET lock_timeout',
      'RESET statement_timeout',
    ]);
  });

  it('online indexes are built concurrently outside a transaction; on new tables they are not', () => {
    const idx = index({ schema: 'public', name: 'users_name', table: 'users', keys: [{ column: 'name' }] });
    const p = diff(full, snapshot({ ...full, indexes: [idx] }), { online: true });
    const s = p.statements[at(p, /CREATE INDEX CONCURRENTLY/)];
    expect(s?.transactional).toBe(false);
    expect(p.statements.every((x) => x.lockTimeout === '5s' && x.statementTimeout === undefined)).toBe(true);
    expect(planScript(p.statements)[0]?.sql).toBe(`SET lock_timeout = '5s'`);
    const fresh = diff(emptySnapshot(), snapshot({ ...full, indexes: [idx] }), { online: true });
    expect(sqls(fresh).some((x) => x.includes('CONCURRENTLY'))).toBe(false);
  });

  it('online foreign keys on existing tables are added NOT VALID, then validated', () => {
    const bare = snapshot({
      ...full,
      tables: full.tables.map((t) => (t.name === 'posts' ? { ...t, constraints: [] } : t)),
    });
    const p = diff(bare, full, { online: true });
    expect(at(p, /ADD CONSTRAINT "posts_user_fkey" .* NOT VALID$/)).toBeLessThan(
      at(p, /VALIDATE CONSTRAINT "posts_user_fkey"/),
    );
  });

  it('a type change that only widens varchar neither rewrites nor may fail', () => {
    const vc = (n: number) =>
      withUsers({
        ...u,
        columns: u.columns.map((c) =>
          c.name === 'name' ? { ...c, type: builtinType(`character varying(${n})`) } : c,
        ),
      });
    const p = diff(vc(10), vc(20));
    expect(kinds(p)).toEqual(['access-exclusive-lock']);
    expect(kinds(diff(vc(20), vc(10)))).toEqual([
      'access-exclusive-lock',
      'may-fail-on-existing-data',
      'rewrites-table',
    ]);
  });

  it('recreates a table whose partition key changes: drop (deletes-data) then create, with a note', () => {
    const by = (key: string) =>
      snapshot({
        tables: [
          table({
            schema: 'public',
            name: 'ev',
            columns: [{ name: 'at', type: builtinType('date') }],
            partitionBy: key,
          }),
        ],
      });
    const p = diff(by('RANGE (at)'), by('LIST (at)'));
    expect(p.statements.map((s) => s.sql)).toEqual([
      'DROP TABLE "public"."ev"',
      'CREATE TABLE "public"."ev" (\n  "at" date\n) PARTITION BY LIST (at)',
    ]);
    expect(p.hazards.map((h) => h.kind)).toContain('deletes-data');
    expect(p.notes.map((n) => n.message).join('\n')).toContain(
      'partitioning changes (RANGE (at) → LIST (at))',
    );
  });

  it('a column a child declares, wanted as only inherited: INHERIT, and a note that it stays declared', () => {
    const base = table({ schema: 'public', name: 'base', columns: [{ name: 'id', type: int }] });
    const child = (inherits: boolean) =>
      table({
        schema: 'public',
        name: 'child',
        columns: [{ name: 'id', type: int, ...(inherits ? { inherited: true } : {}) }],
        inherits: inherits ? [{ schema: 'public', name: 'base' }] : [],
      });
    const p = diff(snapshot({ tables: [base, child(false)] }), snapshot({ tables: [base, child(true)] }));
    expect(p.statements.map((s) => s.sql)).toEqual(['ALTER TABLE "public"."child" INHERIT "public"."base"']);
    expect(p.notes.map((n) => n.kind)).toEqual(['inherited-stays-local']);
    expect(p.notes[0]?.message).toContain('"public"."child"."id" stays declared');
  });

  it('a new child lists only the columns it declares; what it wants beyond its parents is set after', () => {
    const base = table({
      schema: 'public',
      name: 'base',
      columns: [{ name: 'id', type: int, default: '1' }],
    });
    const child = table({
      schema: 'public',
      name: 'child',
      columns: [
        { name: 'id', type: int, default: '7', inherited: true },
        { name: 'extra', type: text },
      ],
      inherits: [{ schema: 'public', name: 'base' }],
    });
    const p = diff(snapshot({ tables: [base] }), snapshot({ tables: [base, child] }));
    expect(p.statements.map((s) => s.sql)).toEqual([
      'CREATE TABLE "public"."child" (\n  "extra" text\n) INHERITS ("public"."base")',
      'ALTER TABLE "public"."child" ALTER COLUMN "id" SET DEFAULT 7',
    ]);
    expect(p.hazards).toEqual([]);
  });

  it("a table attached as a partition keeps its own index that the parent's index adopts", () => {
    const key = [{ column: 'k' }];
    const ev = table({
      schema: 'public',
      name: 'ev',
      columns: [{ name: 'k', type: int }],
      partitionBy: 'LIST (k)',
    });
    const part = (attached: boolean) =>
      table({
        schema: 'public',
        name: 'ev_a',
        columns: [{ name: 'k', type: int }],
        partitionOf: attached
          ? { parent: { schema: 'public', name: 'ev' }, bound: 'FOR VALUES IN (1)' }
          : null,
      });
    const parentIndex = index({ schema: 'public', name: 'ev_k', table: 'ev', keys: key });
    const own = index({ schema: 'public', name: 'ev_a_k', table: 'ev_a', keys: key });
    const other = index({
      schema: 'public',
      name: 'ev_a_k_desc',
      table: 'ev_a',
      keys: [{ column: 'k', descending: true }],
    });
    const p = diff(
      snapshot({ tables: [ev, part(false)], indexes: [parentIndex, own, other] }),
      snapshot({ tables: [ev, part(true)], indexes: [parentIndex] }),
    );
    expect(p.statements.map((s) => s.sql)).toEqual([
      'DROP INDEX "public"."ev_a_k_desc"',
      'ALTER TABLE "public"."ev" ATTACH PARTITION "public"."ev_a" FOR VALUES IN (1)',
    ]);
  });
});
