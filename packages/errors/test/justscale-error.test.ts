import { describe, expect, it } from 'vitest';
import { apiSpelling, isJustScaleError, JustScaleError, sqlstateOf } from '../src/index.js';

/** A stand-in for the drivers' `DatabaseError`: this package knows it by name only. */
class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

class LockError extends JustScaleError {
  override name = 'LockError';
}

describe('JustScaleError', () => {
  it('carries its code, message, ref and cause; a subclass stays an instance of both', () => {
    const cause = new Error('underneath');
    const e = new LockError('MIGRATION_LOCKED', 'held', {
      ref: { kind: 'table', schema: 'public', name: '_migrations', file: undefined },
      cause,
    });
    expect(e).toBeInstanceOf(LockError);
    expect(e).toBeInstanceOf(JustScaleError);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'LockError', code: 'MIGRATION_LOCKED', message: 'held', cause });
    // Fields given as undefined are left out, so the JSON has only what is known.
    expect(e.ref).toEqual({ kind: 'table', schema: 'public', name: '_migrations' });
    expect(e.stack).toContain('LockError');
  });

  it('spells the option of its hint as the API does, or as the caller says', () => {
    const e = new JustScaleError('MIGRATION_FILE_MISSING', 'gone', {
      hint: 'Restore the files; or pass {option} to go on without them.',
      option: { name: 'allowMissing', value: true },
    });
    expect(e.hint).toBe('Restore the files; or pass allowMissing: true to go on without them.');
    expect(e.hintFor((o) => (o.name === 'allowMissing' ? '--allow-missing' : '?'))).toBe(
      'Restore the files; or pass --allow-missing to go on without them.',
    );
    expect(new JustScaleError('X', 'm').hint).toBeUndefined();
    expect(new JustScaleError('X', 'm', { hint: 'Just do it.' }).hintFor(() => 'never')).toBe('Just do it.');
  });

  it.each([
    [{ name: 'allowChangedChecksums', value: true }, 'allowChangedChecksums: true'],
    [{ name: 'lock', value: 'wait' }, "lock: 'wait'"],
    [{ name: 'steps', value: 2 }, 'steps: 2'],
    [{ name: 'drop', value: true, method: 'fresh' }, 'fresh({ drop: true })'],
  ])('apiSpelling(%o) is %s', (option, spelled) => {
    expect(apiSpelling(option)).toBe(spelled);
  });

  it('keeps the SQLSTATE of a database error in the cause chain apart from its code', () => {
    const db = new DatabaseError('relation "t" does not exist', '42P01');
    const statement = new JustScaleError('STATEMENT_FAILED', 'failed', { cause: db });
    const migration = new JustScaleError('MIGRATION_FAILED', 'failed', { cause: statement });
    expect(statement).toMatchObject({ code: 'STATEMENT_FAILED', sqlstate: '42P01' });
    expect(migration).toMatchObject({ code: 'MIGRATION_FAILED', sqlstate: '42P01' });
    expect(sqlstateOf(new Error('plain', { cause: db }))).toBe('42P01');
    // A Node error's code is not a SQLSTATE.
    const errno = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(new JustScaleError('CONNECTION_FAILED', 'no', { cause: errno }).sqlstate).toBeUndefined();
  });

  it('serialises its structured fields', () => {
    const e = new JustScaleError('MIGRATION_CHECKSUM_CHANGED', 'changed', {
      ref: { kind: 'migration', name: '001_a', file: 'migrations/001_a.sql' },
      hint: 'or pass {option}',
      option: { name: 'allowChangedChecksums', value: true },
      cause: new DatabaseError('x', '23505'),
    });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'JustScaleError',
      code: 'MIGRATION_CHECKSUM_CHANGED',
      message: 'changed',
      ref: { kind: 'migration', name: '001_a', file: 'migrations/001_a.sql' },
      hint: 'or pass allowChangedChecksums: true',
      option: { name: 'allowChangedChecksums', value: true },
      sqlstate: '23505',
    });
  });

  it('isJustScaleError knows ours, and an error from another copy of the package by its shape', () => {
    expect(isJustScaleError(new LockError('MIGRATION_LOCKED', 'held'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { code: 'MIGRATION_LOCKED', hintFor: () => undefined });
    expect(isJustScaleError(foreign)).toBe(true);
    expect(isJustScaleError(new DatabaseError('x', '42P01'))).toBe(false);
    expect(isJustScaleError('MIGRATION_LOCKED')).toBe(false);
  });
});
