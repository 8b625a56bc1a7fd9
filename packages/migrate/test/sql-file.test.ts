import { describe, expect, it } from 'vitest';
import { MigrationLoadError, parseSqlMigration } from '../src/index.js';

describe('parseSqlMigration', () => {
  it('splits the up and down sections', () => {
    const source = parseSqlMigration(
      'm.sql',
      '-- a comment\n\n-- up\nCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n-- down\nDROP TABLE t;\n',
    );
    expect(source).toEqual({
      up: 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);',
      down: 'DROP TABLE t;',
      transaction: true,
    });
  });

  it('accepts markers in any case, with a colon, and CRLF lines; down is optional', () => {
    expect(parseSqlMigration('m.sql', '--UP:\r\nSELECT 1;\r\n')).toEqual({
      up: 'SELECT 1;',
      down: null,
      transaction: true,
    });
  });

  it('reads "-- transaction: false" before the sections', () => {
    expect(parseSqlMigration('m.sql', '-- transaction: false\n-- up\nSELECT 1;').transaction).toBe(false);
  });

  it('does not take a marker-like comment inside a statement line for a marker', () => {
    const source = parseSqlMigration('m.sql', "-- up\nSELECT '-- down';\n");
    expect(source.up).toBe("SELECT '-- down';");
    expect(source.down).toBeNull();
  });

  it.each([
    ['no up section', 'CREATE TABLE t ();', /before its "-- up"/],
    ['only a down section', '-- down\nDROP TABLE t;', /needs an "-- up" section/],
    ['an empty file', '', /needs an "-- up" section/],
    ['two up sections', '-- up\nSELECT 1;\n-- up\nSELECT 2;', /two "-- up" sections/],
  ])('rejects %s, naming the file', (_, text, message) => {
    const error = (() => {
      try {
        parseSqlMigration('/x/007_bad.sql', text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MigrationLoadError);
    expect((error as MigrationLoadError).code).toBe('MIGRATION_LOAD_FAILED');
    expect((error as MigrationLoadError).message).toContain('/x/007_bad.sql');
    expect((error as MigrationLoadError).message).toMatch(message);
  });
});
