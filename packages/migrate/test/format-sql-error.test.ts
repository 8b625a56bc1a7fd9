import { describe, expect, it } from 'vitest';
import { lineOf } from '../src/format-sql-error.js';
import { formatSqlError } from '../src/index.js';

describe('formatSqlError', () => {
  it('puts a caret under the reported position on its line', () => {
    const sql = 'CREATE TABLE a (id int);\nCREATE TABLEX b (id int);';
    const text = formatSqlError({ message: 'syntax error at or near "TABLEX"', position: 33 }, sql);
    expect(text).toBe(
      ['syntax error at or near "TABLEX"', 'LINE 2: CREATE TABLEX b (id int);', '               ^'].join(
        '\n',
      ),
    );
  });

  it('counts characters, not UTF-16 units, and keeps tabs so the caret lines up', () => {
    const sql = "SELECT '😀', \tnope";
    const position = Array.from(sql).indexOf('n') + 1;
    const [, line, caret] = formatSqlError({ message: 'column "nope" does not exist', position }, sql).split(
      '\n',
    );
    expect(line).toBe("LINE 1: SELECT '😀', \tnope");
    expect(caret).toBe(`${' '.repeat(8)}${' '.repeat(12)}\t^`);
  });

  it('adds detail, hint, context and the internal query of a function body', () => {
    const text = formatSqlError(
      {
        message: 'boom',
        detail: 'the detail',
        hint: 'the hint',
        where: 'PL/pgSQL function f() line 3',
        internalQuery: 'SELECT x FROM t',
        internalPosition: 8,
      },
      'SELECT f()',
    );
    expect(text).toContain('STATEMENT: SELECT f()');
    expect(text).toContain('QUERY 1: SELECT x FROM t\n                ^');
    expect(text).toContain('DETAIL: the detail\nHINT: the hint\nCONTEXT: PL/pgSQL function f() line 3');
  });

  it('counts LINE from firstLine: a .sql section starts below the top of its file', () => {
    const sql = 'CREATE TABLE t (id int);\nSELECT nope FROM t;';
    const position = sql.indexOf('nope') + 1;
    expect(lineOf(sql, position)).toBe(2);
    const text = formatSqlError({ message: 'column "nope" does not exist', position }, sql, { firstLine: 4 });
    expect(text).toBe('column "nope" does not exist\nLINE 5: SELECT nope FROM t;\n               ^');
  });
});
