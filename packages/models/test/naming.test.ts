import { describe, expect, it } from 'vitest';
import { makeObjectName, toColumnName, toPropertyName } from '../src/index.js';

describe('toColumnName', () => {
  it.each([
    ['authorId', 'author_id'],
    ['createdAt', 'created_at'],
    ['author_id', 'author_id'],
    ['email', 'email'],
    ['userID', 'user_id'],
    ['HTMLParser', 'html_parser'],
    ['parseHTML', 'parse_html'],
    ['address2', 'address2'],
    ['line2Text', 'line2_text'],
    ['ID', 'id'],
    ['Id', 'id'],
    ['_private', '_private'],
    ['snake_Case', 'snake_case'],
    ['Mixed Case', 'Mixed Case'],
    ['a.b', 'a.b'],
    ['ünïcödé', 'ünïcödé'],
    ['a"b', 'a"b'],
  ])('%s → %s', (property, column) => {
    expect(toColumnName(property)).toBe(column);
  });

  it('pull inverts it where it can', () => {
    expect(toPropertyName('author_id')).toBe('authorId');
    expect(toPropertyName('line2_text')).toBe('line2Text');
    expect(toPropertyName('email')).toBe('email');
    expect(toPropertyName('Mixed Case')).toBeNull();
    expect(toPropertyName('a__b')).toBeNull();
  });
});

describe('makeObjectName', () => {
  it('cuts the longer name first to fit 63 bytes', () => {
    expect(makeObjectName('users', 'email', 'key')).toBe('users_email_key');
    expect(makeObjectName('t'.repeat(70), null, 'pkey')).toBe(`${'t'.repeat(58)}_pkey`);
    const name = makeObjectName('a'.repeat(40), 'b'.repeat(40), 'fkey');
    expect(name).toBe(`${'a'.repeat(29)}_${'b'.repeat(28)}_fkey`);
    expect(new TextEncoder().encode(name).length).toBe(63);
  });

  it('never splits a multibyte character', () => {
    const name = makeObjectName('ü'.repeat(40), null, 'pkey');
    expect(name).toBe(`${'ü'.repeat(29)}_pkey`);
  });
});
