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
} from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { MigrateError } from '../../src/errors.js';
import { migrationFileName, writeMigrationSource } from '../../src/generate/index.js';
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
      "await db.createTable({ schema: 'public', name: 'a`b${c}\\\\d' }, {\n      'it\\'s': field.text().optional(),\n    });";
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

  it('keeps up in a transaction when only down must run outside one (an enum value removed)', async () => {
    const status = (values: string[]) => ({ schema: 'public', name: 'status', values, comment: null });
    const before = snapshot({ enums: [status(['todo', 'doing', 'done'])] });
    const after = snapshot({ enums: [status(['todo', 'done'])] });
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
