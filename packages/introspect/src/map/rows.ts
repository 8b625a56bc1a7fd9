/** Small readers for the untyped rows the driver returns. */
import type { QualifiedName } from '@justscale/schema';

export type Row = Record<string, unknown>;

export function str(row: Row, key: string): string {
  const v = row[key];
  if (typeof v !== 'string')
    throw new TypeError(`introspect: expected text in column "${key}", got ${typeof v}`);
  return v;
}

export function optStr(row: Row, key: string): string | null {
  const v = row[key];
  return v === null || v === undefined ? null : String(v);
}

export function bool(row: Row, key: string): boolean {
  return row[key] === true;
}

export function num(row: Row, key: string): number {
  return Number(row[key]);
}

/** A JSON value: parsed by the driver (json → value), or still text with some clients. */
export function json<T>(row: Row, key: string, empty: T): T {
  const v = row[key];
  if (v === null || v === undefined) return empty;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/**
 * A JSON array of numbers (`to_json` of an `int2[]` or `oid[]`). Numbers or numeric strings: from
 * PostgreSQL 18 on, `to_json` of an OID is a JSON string.
 */
export function numbers(row: Row, key: string): number[] {
  return json<(number | string)[]>(row, key, []).map(Number);
}

/** A `{ schema, name }` from two columns, or null when the name is null. */
export function optName(row: Row, schemaKey: string, nameKey: string): QualifiedName | null {
  const name = optStr(row, nameKey);
  return name === null ? null : { schema: str(row, schemaKey), name };
}

/** `reloptions` (`['fillfactor=70']`) as a record; the value may itself contain `=`. */
export function options(row: Row, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of json<string[]>(row, key, [])) {
    const at = item.indexOf('=');
    if (at < 0) out[item] = '';
    else out[item.slice(0, at)] = item.slice(at + 1);
  }
  return out;
}
