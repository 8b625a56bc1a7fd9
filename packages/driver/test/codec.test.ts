import { describe, expect, it } from 'vitest';
import { encodeParam, parseArray, parseBytea, parserFor, parseTimestamp } from '../src/index.js';

// The text forms below are what PostgreSQL sends; the conformance suite checks the same values
// end to end on real servers. These cover the corners a server rarely produces in a test.

describe('parseArray', () => {
  it.each([
    ['{}', []],
    ['{1,2,NULL}', ['1', '2', null]],
    ['{"NULL",NULL,""}', ['NULL', null, '']],
    ['{"a\\"b","c,d","back\\\\slash"}', ['a"b', 'c,d', 'back\\slash']],
    [
      '{{1,2},{3,4}}',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    ['[0:1]={x,y}', ['x', 'y']],
    ['{ spaced , words }', ['spaced', 'words']],
  ])('parses %s', (text, expected) => {
    expect(parseArray(text, (x) => x)).toEqual(expected);
  });

  it('refuses a malformed literal', () => {
    expect(() => parseArray('{1,2', (x) => x)).toThrow(SyntaxError);
    expect(() => parseArray('1,2', (x) => x)).toThrow(SyntaxError);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2024-02-29 23:59:58.123456+00', '2024-02-29T23:59:58.123Z'],
    ['2024-06-01 12:00:00+05:30', '2024-06-01T06:30:00.000Z'],
    ['1900-01-01 00:00:00+00:19:32', '1899-12-31T23:40:28.000Z'],
    ['2024-01-02 03:04:05', '2024-01-02T03:04:05.000Z'],
    ['0099-01-01 00:00:00+00', '0099-01-01T00:00:00.000Z'],
    ['0044-03-15 12:00:00+00 BC', '-000043-03-15T12:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect((parseTimestamp(text) as Date).toISOString()).toBe(iso);
  });

  it('keeps infinity as text', () => {
    expect(parseTimestamp('infinity')).toBe('infinity');
    expect(parseTimestamp('-infinity')).toBe('-infinity');
  });
});

describe('parseBytea', () => {
  it('reads the hex and the escape formats', () => {
    expect(parseBytea('\\x00ff10')).toEqual(new Uint8Array([0, 255, 16]));
    expect(parseBytea('a\\000\\\\b')).toEqual(new Uint8Array([97, 0, 92, 98]));
  });
});

describe('parserFor', () => {
  it('leaves unknown types and arrays of unknown types as text', () => {
    expect(parserFor(1186)('1 day')).toBe('1 day');
    expect(parserFor(999_999)('{a,b}')).toBe('{a,b}');
  });

  it('parses float specials', () => {
    expect(parserFor(701)('NaN')).toBeNaN();
    expect(parserFor(701)('-Infinity')).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('encodeParam', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['', ''],
    [42, '42'],
    [12345678901234567890n, '12345678901234567890'],
    [true, 'true'],
    [new Date('2024-01-02T03:04:05.678Z'), '2024-01-02T03:04:05.678Z'],
    [new Uint8Array([0, 255]), '\\x00ff'],
    [{ a: [1, 'x'] }, '{"a":[1,"x"]}'],
    [[1, null, 'a"b', 'c\\d'], '{"1",NULL,"a\\"b","c\\\\d"}'],
    [[[1], [2]], '{{"1"},{"2"}}'],
    [[], '{}'],
  ])('encodes %o', (value, text) => {
    expect(encodeParam(value)).toBe(text);
  });

  it('encodes a Uint8Array that is a view into a larger buffer', () => {
    const view = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    expect(encodeParam(view)).toBe('\\x0203');
  });

  it('refuses values PostgreSQL has no text for', () => {
    expect(() => encodeParam(Symbol('x'))).toThrow(TypeError);
    expect(() => encodeParam(() => 1)).toThrow(TypeError);
    expect(() => encodeParam(new Date('nope'))).toThrow(/invalid Date/);
  });
});
