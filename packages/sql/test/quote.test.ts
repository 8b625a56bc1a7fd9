import { builtinType, userType } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import {
  dollarQuote,
  IdentifierTooLongError,
  InvalidIdentifierError,
  InvalidLiteralError,
  InvalidSqlFragmentError,
  quoteIdent,
  quoteLiteral,
  quoteQualified,
  renderType,
} from '../src/index.js';
import { nameOfBytes } from './base.js';

describe('quoteIdent', () => {
  it.each([
    ['users', '"users"'],
    ['a"b', '"a""b"'],
    ['a.b', '"a.b"'],
    ['Mixed Case', '"Mixed Case"'],
    ['select', '"select"'],
    ['ünïcödé', '"ünïcödé"'],
    ['""', '""""""'],
  ])('quotes %s', (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted);
  });

  it('accepts 63 bytes and refuses 64, naming the identifier', () => {
    const ok = nameOfBytes('x', 63);
    expect(quoteIdent(ok)).toBe(`"${ok}"`);
    const long = nameOfBytes('x', 64);
    expect(() => quoteIdent(long)).toThrow(IdentifierTooLongError);
    try {
      quoteIdent(long);
    } catch (e) {
      expect(e).toMatchObject({ code: 'IDENTIFIER_TOO_LONG', identifier: long, bytes: 64 });
      expect((e as Error).message).toContain(long);
    }
  });

  it('counts bytes, not characters', () => {
    // 32 two-byte characters: 32 characters, 64 bytes.
    expect(() => quoteIdent('é'.repeat(32))).toThrow(IdentifierTooLongError);
    expect(quoteIdent('é'.repeat(31))).toBe(`"${'é'.repeat(31)}"`);
  });

  it('refuses the empty name and NUL', () => {
    expect(() => quoteIdent('')).toThrow(InvalidIdentifierError);
    expect(() => quoteIdent('a\u0000b')).toThrow(InvalidIdentifierError);
    expect(() => quoteIdent('')).toThrow(expect.objectContaining({ code: 'INVALID_IDENTIFIER' }));
  });
});

describe('quoteQualified', () => {
  it('never splits on dots', () => {
    expect(quoteQualified({ schema: 'a.b', name: 'c.d' })).toBe('"a.b"."c.d"');
  });
});

describe('quoteLiteral', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it''s'"],
    ['a\\b', "E'a\\\\b'"],
    ["\\'", "E'\\\\'''"],
    ['', "''"],
  ])('quotes the string %s', (value, quoted) => {
    expect(quoteLiteral(value)).toBe(quoted);
  });

  it.each([
    [42, '42'],
    [-1.5, '(-1.5)'],
    [12345678901234567890n, '12345678901234567890'],
    [-3n, '(-3)'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [null, 'NULL'],
  ] as const)('inlines %s', (value, sql) => {
    expect(quoteLiteral(value)).toBe(sql);
  });

  it('refuses everything else', () => {
    expect(() => quoteLiteral(Number.NaN)).toThrow(InvalidLiteralError);
    expect(() => quoteLiteral(Number.POSITIVE_INFINITY)).toThrow(InvalidLiteralError);
    expect(() => quoteLiteral({} as unknown as string)).toThrow(InvalidLiteralError);
    expect(() => quoteLiteral(undefined as unknown as string)).toThrow(InvalidLiteralError);
    expect(() => quoteLiteral('a\u0000')).toThrow(InvalidLiteralError);
  });
});

describe('dollarQuote', () => {
  it.each([
    ['SELECT 1', '$body$SELECT 1$body$'],
    ['x $body$ y', '$body1$x $body$ y$body1$'],
    ['ends with $body', '$body1$ends with $body$body1$'],
    ['$body$ and $body1$', '$body2$$body$ and $body1$$body2$'],
    ['', '$body$$body$'],
  ])('quotes %j with a tag it does not contain', (body, quoted) => {
    expect(dollarQuote(body)).toBe(quoted);
  });

  it('refuses a tag that is not a plain word', () => {
    expect(() => dollarQuote('x', 'a$b')).toThrow(InvalidSqlFragmentError);
  });
});

describe('renderType', () => {
  it.each([
    [builtinType('integer'), 'integer'],
    [builtinType('character varying(200)'), 'character varying(200)'],
    [builtinType('numeric(10,2)', true), 'numeric(10,2)[]'],
    [builtinType('timestamp(3) with time zone'), 'timestamp(3) with time zone'],
    [builtinType('"char"'), '"char"'],
    [userType('public', 'UserStatus'), '"public"."UserStatus"'],
    [userType('ext', 'vector', { modifiers: '(1536)' }), '"ext"."vector"(1536)'],
    [userType('a"b', 'c.d', { array: true }), '"a""b"."c.d"[]'],
  ])('renders %j', (type, sql) => {
    expect(renderType(type)).toBe(sql);
  });

  it('quotes a pg_catalog name that is not a built-in spelling', () => {
    expect(renderType(builtinType('integer; DROP TABLE x'))).toBe('"pg_catalog"."integer; DROP TABLE x"');
  });

  it('refuses modifiers that are not a parenthesised list', () => {
    expect(() => renderType(userType('public', 'v', { modifiers: '(1); DROP' }))).toThrow(
      InvalidSqlFragmentError,
    );
  });
});
