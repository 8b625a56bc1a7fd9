import { builtinType, emptySnapshot, snapshot, table } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { diff, InvalidRenameHintError, parseRenameHints } from '../src/index.js';

describe('parseRenameHints', () => {
  it('reads an array or { renames: [...] }', () => {
    const hint = { kind: 'column', schema: 'public', table: 'users', from: 'mail', to: 'email' };
    expect(parseRenameHints(JSON.stringify([hint]))).toEqual([hint]);
    expect(parseRenameHints(JSON.stringify({ renames: [hint] }))).toEqual([hint]);
    expect(parseRenameHints({ renames: [] })).toEqual([]);
  });

  it.each([
    ['{', /not valid JSON/],
    ['{"hints": []}', /expected an array of hints or \{ "renames"/],
    ['{"renames": {}}', /"renames" must be an array/],
    ['[1]', /renames\[0\]: a rename hint must be an object/],
    [
      '[{"kind":"tabel","schema":"public","from":"a","to":"b"}]',
      /renames\[0\]: "kind" must be one of table, column/,
    ],
    [
      '[{"kind":"table","schema":"","from":"a","to":"b"}]',
      /renames\[0\]: "schema" must be a non-empty string/,
    ],
    [
      '[{"kind":"column","schema":"public","from":"a","to":"b"}]',
      /renames\[0\]: a column hint needs "table"/,
    ],
    ['[{"kind":"enumValue","schema":"public","from":"a","to":"b"}]', /needs "table" \(the enum type/],
    ['[{"kind":"table","schema":"public","from":"a","to":"a"}]', /"from" and "to" are the same/],
    ['[{"kind":"table","schema":"public","from":"a","to":"b","extra":1}]', /unknown field "extra"/],
    [
      '[{"kind":"table","schema":"public","from":"a","to":"b"},{"kind":"table","schema":"public","from":"a","to":"c"}]',
      /renames\[1\]: table "a" is already renamed by renames\[0\]/,
    ],
  ])('refuses %s', (text, message) => {
    let error: unknown;
    try {
      parseRenameHints(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRenameHintError);
    expect((error as InvalidRenameHintError).code).toBe('INVALID_HINTS_FILE');
    expect((error as Error).message).toMatch(message);
  });

  it('diff refuses a hint that names nothing, saying which', () => {
    const s = snapshot({
      tables: [table({ schema: 'public', name: 't', columns: [{ name: 'a', type: builtinType('text') }] })],
    });
    expect(() =>
      diff(s, s, { renames: [{ kind: 'table', schema: 'public', from: 'nope', to: 'nada' }] }),
    ).toThrow(/rename hint table "public"."nope": no such table in the current schema/);
    expect(() =>
      diff(s, s, { renames: [{ kind: 'column', schema: 'public', table: 't', from: 'x', to: 'y' }] }),
    ).toThrow(/rename hint column "public"."x" of "t": no such column in the current schema/);
    expect(() =>
      diff(s, s, { renames: [{ kind: 'column', schema: 'public', table: 't', from: 'a', to: 'b' }] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_RENAME_HINT' }));
  });

  it('a hint about what the current schema does not have yet is skipped: it is created under its new name', () => {
    // A fresh database (or a table the plan creates): models' .renamedFrom() hints have nothing to rename.
    const desired = snapshot({
      tables: [
        table({ schema: 'public', name: 'tasks', columns: [{ name: 'name', type: builtinType('text') }] }),
      ],
    });
    const plan = diff(emptySnapshot(), desired, {
      renames: [
        { kind: 'table', schema: 'public', from: 'todos', to: 'tasks' },
        { kind: 'column', schema: 'public', table: 'tasks', from: 'title', to: 'name' },
      ],
    });
    expect(plan.statements.map((s) => s.sql)).toEqual([
      expect.stringMatching(/^CREATE TABLE "public"\."tasks"/),
    ]);
  });

  it('a hint whose rename already happened is satisfied and silent', () => {
    const s = snapshot({
      tables: [table({ schema: 'public', name: 't', columns: [{ name: 'a', type: builtinType('text') }] })],
    });
    const hints = [
      { kind: 'table', schema: 'public', from: 'old_t', to: 't' },
      { kind: 'column', schema: 'public', table: 't', from: 'old_a', to: 'a' },
    ] as const;
    const plan = diff(s, s, { renames: hints });
    expect(plan.statements).toEqual([]);
    expect(plan.notes).toEqual([]);
  });
});
