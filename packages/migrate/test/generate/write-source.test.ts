import { diff } from '@justscale/diff';
import {
  builtinType,
  column,
  createIndex,
  dropTable,
  emptySnapshot,
  index,
  raw,
  snapshot,
  table,
  userType,
} from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { MigrateError } from '../../src/errors.js';
import { migrationFileName, writeMigrationSource, writeMigrationSources } from '../../src/generate/index.js';
import { comment, lit, template } from '../../src/generate/literal.js';

const users = table({
  schema: 'public',
  name: 'users',
  columns: [column({ name: 'id', type: builtinType('integer'), notNull: true })],
});
const hostile = table({
  schema: 'public',
  name: 'a`b\u0024{c}\\d',
  columns: [column({ name: "it's", type: builtinType('text') })],
});

describe('migrationFileName', () => {
  it('is <UTC YYYYMMDDHHMMSS>_<name>.ts', () => {
    expect(migrationFileName('add_avatar_to_users', new Date('2025-01-02T03:04:05Z'))).toBe(
      '20250102030405_add_avatar_to_users.ts',
    );
    expect(migrationFileName('x', new Date('2025-12-31T23:59:59.999+01:00'))).toBe('20251231225959_x.ts');
  });

  it.each(['', '../evil', 'a b', 'a/b', '_x', 'ünï'])('refuses the name %j', (name) => {
    expect(() => migrationFileName(name, new Date())).toThrow(MigrateError);
  });
});

describe('literals of generated source', () => {
  it('round-trip through JavaScript', () => {
    for (const s of ["it's", 'a\\b', 'line\nbreak', '`\u0024{x}`', '\u2028', 'ünïcödé']) {
      expect(new Function(`return ${lit(s)}`)()).toBe(s);
      expect(new Function(`return ${template(s)}`)()).toBe(s);
    }
    expect(new Function(`return ${lit({ schema: 'a"b', 'Mixed Case': [1, true, null] })}`)()).toEqual({
      schema: 'a"b',
      'Mixed Case': [1, true, null],
    });
    expect(comment('a\nb */ c')).toBe('// a b */ c');
  });
});

describe('writeMigrationSource', () => {
  it('writes up with API calls or raw SQL, down from the inverses, and hazards as comments', async () => {
    const before = snapshot({ tables: [users, hostile] });
    const after = snapshot({
      tables: [users],
      indexes: [index({ schema: 'public', name: 'users_id_idx', table: 'users', keys: [{ column: 'id' }] })],
    });
    const plan = diff(before, after);
    const source = await writeMigrationSource(plan, { name: 'm1', before });
    expect(source).toContain("import { defineMigration, field } from '@justscale/postgres';");
    expect(source).toContain(
      "await db.createIndex({ schema: 'public', name: 'users' }, ['id'], { name: 'users_id_idx' });",
    );
    expect(source).toMatch(
      /\/\/ hazard deletes-data: [^\n]*\n(?:\s+\/\/[^\n]*\n)*\s+await db\.dropTable\(\{ schema: 'public', name: 'a`b\$\{c\}\\\\d' \}\);/,
    );
    // down, in reverse order: the index dropped, then the table re-created with field builders
    const down = source.slice(source.indexOf('async down'));
    const create =
      "await db.createTable({ schema: 'public', name: 'a`b\u0024{c}\\\\d' }, {\n      'it\\'s': field.text().optional(),\n    });";
    expect(down).toContain(create);
    expect(down.indexOf(create)).toBeGreaterThan(
      down.indexOf("db.dropIndex({ schema: 'public', name: 'users_id_idx' })"),
    );
    expect(source).not.toContain('transaction: false');
  });

  it('makes down throw naming the step that cannot be reversed', async () => {
    const plan = {
      operations: [dropTable({ schema: 'public', name: 'users' }), raw('UPDATE t SET x = 1')],
      statements: [],
      notes: [],
      hazards: [],
    };
    const source = await writeMigrationSource(plan, { name: 'm2', before: snapshot({ tables: [users] }) });
    expect(source).toContain(
      "throw new Error(\n      'Migration m2 cannot be reversed: step 2 (raw raw SQL): raw SQL has no known inverse.',",
    );
  });

  it('says transaction: false when both directions have a statement that cannot run in a transaction', async () => {
    const op = createIndex(index({ schema: 'public', name: 'i', table: 'users', keys: [{ column: 'id' }] }), {
      concurrently: true,
    });
    const plan = { operations: [op], statements: [], notes: [], hazards: [] };
    const source = await writeMigrationSource(plan, {
      name: 'm3',
      before: emptySnapshot(),
      importFrom: null,
    });
    // down drops the index CONCURRENTLY; up's statements come from the plan (none in this bare one).
    expect(source).toContain('  transaction: { up: true, down: false },');
    const both = await writeMigrationSource(
      {
        ...plan,
        statements: [
          { sql: 'CREATE INDEX CONCURRENTLY ...', transactional: false, hazards: [], operation: op },
        ],
      } as never,
      { name: 'm3', before: emptySnapshot(), importFrom: null },
    );
    expect(both).toContain('  transaction: false,');
    expect(source).toContain('export default {');
    expect(source).not.toContain('import');
  });

  it('keeps a migration that adds an enum value nothing in it uses in one transaction, both ways', async () => {
    const status = (values: string[]) => ({ schema: 'public', name: 'status', values, comment: null });
    const before = snapshot({ enums: [status(['todo', 'done'])], tables: [users] });
    const after = snapshot({ enums: [status(['todo', 'doing', 'done'])] });
    const plan = diff(before, after, { serverVersion: 150000 });
    const source = await writeMigrationSource(plan, { name: 'm5', before, after, importFrom: null });
    // A failure after ADD VALUE (here: dropping users) rolls the whole migration back.
    expect(source).toContain("addTypeValue({ schema: 'public', name: 'status' }, 'doing'");
    expect(source).not.toContain('transaction:');
    expect(source).toContain('enum-value-uncommitted');
  });

  it('splits a plan around an enum value it then uses, so that the rest keeps its transaction', async () => {
    const status = (values: string[]) => ({ schema: 'public', name: 'status', values, comment: null });
    const tasks = (fallback: string) =>
      table({
        schema: 'public',
        name: 'tasks',
        columns: [
          column({ name: 's', type: userType('public', 'status'), default: `'${fallback}'::public.status` }),
        ],
      });
    const before = snapshot({ enums: [status(['todo', 'done'])], tables: [tasks('todo')] });
    const after = snapshot({ enums: [status(['todo', 'doing', 'done'])], tables: [tasks('doing')] });
    const plan = diff(before, after, { serverVersion: 150000, online: false });
    expect(plan.statements.some((s) => !s.transactional)).toBe(true);
    const { parts } = await writeMigrationSources(plan, {
      name: 'doing',
      before,
      after,
      diffOptions: { online: false },
      importFrom: null,
      split: true,
    });
    expect(parts.map((p) => p.name)).toEqual(['doing_1', 'doing_2']);
    expect(parts[0]!.source).toContain("addTypeValue({ schema: 'public', name: 'status' }, 'doing'");
    expect(parts[0]!.source).toContain('split around a statement that cannot run in a transaction');
    expect(parts[1]!.source).toContain("setDefault('s', '\\'doing\\'::public.status')");
    for (const part of parts) expect(part.source).not.toContain('transaction: false');
  });

  it('keeps up in a transaction when only down must run outside one (an enum value removed)', async () => {
    const status = (values: string[]) => ({ schema: 'public', name: 'status', values, comment: null });
    // down adds 'doing' back and restores the default that names it: the value must be committed first.
    const tasks = (fallback: string) =>
      table({
        schema: 'public',
        name: 'tasks',
        columns: [
          column({ name: 's', type: userType('public', 'status'), default: `'${fallback}'::public.status` }),
        ],
      });
    const before = snapshot({ enums: [status(['todo', 'doing', 'done'])], tables: [tasks('doing')] });
    const after = snapshot({ enums: [status(['todo', 'done'])], tables: [tasks('todo')] });
    const plan = diff(before, after);
    expect(plan.statements.every((s) => s.transactional)).toBe(true);
    const source = await writeMigrationSource(plan, { name: 'm4', before, after, importFrom: null });
    // down adds 'doing' back with ALTER TYPE ... ADD VALUE, planned outside a transaction.
    expect(source).toContain('  transaction: { up: true, down: false },');
    expect(source).toContain('These statements of down cannot run inside a transaction');
    expect(source).toContain("ADD VALUE 'doing'");
  });

  it('needs the snapshot before for a bare plan', async () => {
    await expect(writeMigrationSource(diff(emptySnapshot(), emptySnapshot()), { name: 'x' })).rejects.toThrow(
      /before/,
    );
  });
});

describe('generated files read like hand-written ones', () => {
  const text = builtinType('text');
  const integer = builtinType('integer');
  const people = (columns: string[]) =>
    table({
      schema: 'public',
      name: 'people',
      columns: columns.map((name) =>
        column({ name, type: name === 'id' ? integer : text, notNull: name === 'id' }),
      ),
      constraints: [
        {
          kind: 'primaryKey',
          name: 'people_pkey',
          columns: ['id'],
          include: [],
          deferrable: false,
          initiallyDeferred: false,
          comment: null,
        },
      ],
    });

  it('creates a table with field builders, and no lock hazards on what the migration itself created', async () => {
    const before = snapshot({ tables: [people(['id'])] });
    const pets = table({
      schema: 'public',
      name: 'pets',
      columns: [
        column({ name: 'id', type: integer, notNull: true }),
        column({ name: 'owner_id', type: integer, notNull: true }),
        column({
          name: 'name',
          type: builtinType('character varying(80)'),
          default: "'rex'::character varying",
        }),
      ],
    });
    const after = snapshot({
      tables: [people(['id']), pets],
      indexes: [
        index({ schema: 'public', name: 'pets_owner_id_idx', table: 'pets', keys: [{ column: 'owner_id' }] }),
      ],
    });
    const plan = diff(before, after);
    const source = await writeMigrationSource(plan, { name: 'pets', before, after });
    const up = source.slice(0, source.indexOf('async down'));
    expect(up).toContain(
      [
        "    await db.createTable({ schema: 'public', name: 'pets' }, {",
        '      id: field.integer(),',
        '      ownerId: field.integer(),',
        "      name: field.string().max(80).optional().default('rex'),",
        '    });',
      ].join('\n'),
    );
    expect(up).toContain(
      "await db.createIndex({ schema: 'public', name: 'pets' }, ['owner_id'], { name: 'pets_owner_id_idx' });",
    );
    // the plan carries builds-index and blocks-writes for the index: not on a table created above
    expect(plan.hazards.map((h) => h.kind)).toContain('blocks-writes');
    expect(up).not.toContain('hazard');
    // dropping it again is data loss, and says so
    expect(source.slice(source.indexOf('async down'))).toContain('hazard deletes-data');
  });

  it("keeps blocks-writes on a new table's foreign key to a table that already existed (it locks that one)", async () => {
    const fk = (name: string, on: string) => ({
      kind: 'foreignKey' as const,
      name,
      columns: ['user_id'],
      references: { table: { schema: 'public', name: on }, columns: ['id'] },
      match: 'SIMPLE' as const,
      onDelete: 'NO ACTION' as const,
      onUpdate: 'NO ACTION' as const,
      onDeleteColumns: null,
      deferrable: false,
      initiallyDeferred: false,
      comment: null,
    });
    const child = (name: string, on: string) =>
      table({
        schema: 'public',
        name,
        columns: [column({ name: 'user_id', type: builtinType('integer') })],
        constraints: [fk(`${name}_user_fkey`, on)],
      });
    const before = snapshot({ tables: [users] });
    // posts references the existing users; notes references posts, created in the same migration.
    const after = snapshot({ tables: [users, child('posts', 'users'), child('notes', 'posts')] });
    const plan = diff(before, after);
    const source = await writeMigrationSource(plan, { name: 'posts', before, after });
    const up = source.slice(0, source.indexOf('async down'));
    const lines = up.split('\n');
    // The comment line above each addForeignKey call.
    const above = (name: string) => {
      const at = lines.findIndex((l) => l.includes('addForeignKey') && l.includes(`'${name}_user_fkey'`));
      expect(at, up).toBeGreaterThan(0);
      return lines[at - 1]!;
    };
    expect(above('posts')).toMatch(/\/\/ hazard blocks-writes/);
    expect(above('notes')).not.toMatch(/hazard/);
  });

  it('writes the column-order note in the migration that puts a column out of order, not in later ones', async () => {
    const first = snapshot({ tables: [people(['id', 'email'])] });
    const middle = snapshot({ tables: [people(['id', 'nick', 'email'])] });
    const plan = diff(first, middle);
    expect(plan.notes.map((n) => n.kind)).toContain('column-order');
    const source = await writeMigrationSource(plan, { name: 'nick', before: first, after: middle });
    expect(source).toContain('// note (column-order):');
    // the database now has (id, email, nick); a later change to the table plans the note again
    const now = snapshot({ tables: [people(['id', 'email', 'nick'])] });
    const later = snapshot({ tables: [people(['id', 'nick', 'email', 'bio'])] });
    const next = diff(now, later);
    expect(next.notes.map((n) => n.kind)).toContain('column-order');
    const { parts, notes } = await writeMigrationSources(next, { name: 'bio', before: now, after: later });
    expect(parts[0]!.source).not.toContain('column-order');
    expect(notes.terminal.map((n) => n.kind)).not.toContain('column-order');
  });

  it('splits an online plan: the concurrent index in a transaction: false file of its own, the rest in transactions', async () => {
    const before = snapshot({ tables: [people(['id', 'email'])] });
    const after = snapshot({
      tables: [people(['id', 'email', 'nick'])],
      indexes: [
        index({ schema: 'public', name: 'people_email_idx', table: 'people', keys: [{ column: 'email' }] }),
      ],
    });
    const plan = diff(before, after, { online: true });
    const { parts } = await writeMigrationSources(plan, { name: 'online', before, after, split: true });
    expect(parts.map((p) => p.name)).toEqual(['online_1', 'online_2']);
    const [columns, concurrent] = parts.map((p) => p.source) as [string, string];
    expect(columns).not.toContain('transaction:');
    expect(columns).toContain("t.addColumn('nick', field.text().optional())");
    expect(concurrent).toContain('  transaction: false,');
    expect(concurrent).toContain('concurrently: true');
    for (const source of [columns, concurrent]) {
      const [up, down] = source.split('async down') as [string, string];
      expect(up).toContain("SET lock_timeout = '5s'");
      expect(up).toContain('RESET lock_timeout');
      expect(down).toContain("SET lock_timeout = '5s'");
    }
    expect(concurrent.slice(concurrent.indexOf('async down'))).toContain(
      "await db.dropIndex({ schema: 'public', name: 'people_email_idx' }, { concurrently: true });",
    );
  });
});
