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
      // Lines of the file, not of the section: errors in a section count from the file's top.
      upLine: 4,
      downLine: 7,
    });
  });

  it('counts a section from its first line of text, past blank lines after the marker', () => {
    const source = parseSqlMigration('m.sql', '-- up\n\n\n  SELECT 1;\n-- down\n\nSELECT 2;\n');
    expect(source).toMatchObject({ up: 'SELECT 1;', upLine: 4, down: 'SELECT 2;', downLine: 7 });
  });

  it('accepts markers in any case, with a colon, and CRLF lines; down is optional', () => {
    expect(parseSqlMigration('m.sql', '--UP:\r\nSELECT 1;\r\n')).toEqual({
      up: 'SELECT 1;',
      down: null,
      transaction: true,
      upLine: 2,
      downLine: null,
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
    ['no up section', '-- note\n\nCREATE TABLE t ();', /before its "-- up"/, 3],
    ['only a down section', '-- down\nDROP TABLE t;', /needs an "-- up" section/, undefined],
    ['an empty file', '', /needs an "-- up" section/, undefined],
    ['two up sections', '-- up\nSELECT 1;\n-- up\nSELECT 2;', /two "-- up" sections/, 3],
  ])('rejects %s, naming the file and the line', (_, text, message, line) => {
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
    expect((error as MigrationLoadError).ref).toEqual({
      kind: 'migration',
      file: '/x/007_bad.sql',
      ...(line === undefined ? {} : { line }),
    });
  });
});
