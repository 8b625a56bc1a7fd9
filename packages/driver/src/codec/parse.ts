import { parseArray } from './array.js';
import { arrayElementOid, Oid } from './oids.js';

/** Turns one value's text form into its JavaScript value. */
export type TextParser = (text: string) => unknown;

const identity: TextParser = (text) => text;

const timestampPattern =
  /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(\.\d+)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?( BC)?$/;

/**
 * Parses `timestamp` / `timestamptz` text (ISO DateStyle). A `timestamp` without a zone is read as
 * UTC, so that the result does not depend on the process's time zone. `infinity` and `-infinity`
 * stay strings: no `Date` can hold them.
 */
export function parseTimestamp(text: string): Date | string {
  const m = timestampPattern.exec(text);
  if (!m) {
    return text;
  }
  let year = Number(m[1]);
  if (m[12]) {
    year = 1 - year; // 1 BC is year 0 in the proleptic Gregorian calendar JavaScript uses.
  }
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const date = new Date(
    Date.UTC(2000, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms),
  );
  date.setUTCFullYear(year);
  if (m[8]) {
    const sign = m[8] === '-' ? -1 : 1;
    const offset = (Number(m[9]) * 3600 + Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0)) * sign;
    date.setTime(date.getTime() - offset * 1000);
  }
  return date;
}

/** Parses `bytea` text in the `hex` output format (the default), or the older `escape` format. */
export function parseBytea(text: string): Uint8Array {
  if (text.startsWith('\\x')) {
    return Uint8Array.from(Buffer.from(text.slice(2), 'hex'));
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] === '\\') {
        bytes.push(0x5c);
        i++;
      } else {
        bytes.push(Number.parseInt(text.slice(i + 1, i + 4), 8));
        i += 3;
      }
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Uint8Array.from(bytes);
}

const scalarParsers: ReadonlyMap<number, TextParser> = new Map<number, TextParser>([
  [Oid.bool, (t) => t === 't' || t === 'true'],
  [Oid.bytea, parseBytea],
  [Oid.int8, identity],
  [Oid.int2, Number],
  [Oid.int4, Number],
  [Oid.oid, Number],
  [Oid.float4, Number],
  [Oid.float8, Number],
  [Oid.numeric, identity],
  [Oid.json, (t) => JSON.parse(t)],
  [Oid.jsonb, (t) => JSON.parse(t)],
  [Oid.date, identity],
  [Oid.timestamp, parseTimestamp],
  [Oid.timestamptz, parseTimestamp],
  [Oid.text, identity],
]);

/**
 * The parser every adapter applies to a value of type `oid` received as text, so that all adapters
 * return the same JavaScript values (see `Queryable`). Types not listed stay text.
 *
 * @example
 * parserFor(23)('42'); // 42
 * parserFor(1007)('{1,2}'); // [1, 2]
 */
export function parserFor(oid: number): TextParser {
  const scalar = scalarParsers.get(oid);
  if (scalar) {
    return scalar;
  }
  const elementOid = arrayElementOid.get(oid);
  if (elementOid !== undefined) {
    const element = scalarParsers.get(elementOid) ?? identity;
    return (text) => parseArray(text, element);
  }
  return identity;
}

/** Parses `text` of type `oid`; `null` stays `null`. */
export function parseValue(oid: number, text: string | null): unknown {
  return text === null ? null : parserFor(oid)(text);
}
