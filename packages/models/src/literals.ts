import { quoteIdentLikePostgres, quoteLiteralLikePostgres as quoteLiteral } from '@justscale/sql';
import { ModelError } from './errors.js';
import type { FieldConfig } from './field.js';

const INT4_MIN = -2147483648n;
const INT4_MAX = 2147483647n;
const INT8_MIN = -9223372036854775808n;
const INT8_MAX = 9223372036854775807n;

/** A JS number in plain decimal notation (no exponent), as PostgreSQL's numeric prints it. */
export function plainDecimal(v: number): string {
  const s = String(v);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = (int + frac).replace(/^0+(?=\d)/, '');
  const point = int.length + Number(exp) - ((int + frac).length - digits.length);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A numeric constant the way `pg_get_expr` prints it once PostgreSQL has parsed it: a non-negative
 * integer that fits `integer` bare (`5`), a negative one cast (`'-1'::integer`), larger integers as
 * `'n'::bigint` or `'n'::numeric`, and fractions bare when positive (`1.5`), cast when negative.
 */
export function numberLiteral(v: number | bigint): string {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new ModelError(
      'INVALID_DEFAULT',
      `${v} is not a number PostgreSQL can store as a default literal; use sql\`\``,
    );
  }
  if (typeof v === 'bigint' || Number.isInteger(v)) {
    const n = BigInt(v);
    if (n >= INT4_MIN && n <= INT4_MAX) return n >= 0n ? n.toString() : `'${n}'::integer`;
    if (n >= INT8_MIN && n <= INT8_MAX) return `'${n}'::bigint`;
    return `'${n}'::numeric`;
  }
  const s = plainDecimal(v);
  return s.startsWith('-') ? `'${s}'::numeric` : s;
}

/** A decimal string as numeric's output prints it; null when it is not a plain decimal. */
function decimalString(s: string): string | null {
  const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(s.trim());
  if (!m) return null;
  const int = m[2]!.replace(/^0+(?=\d)/, '');
  const sign = m[1] === '-' && /[1-9]/.test(int + (m[3] ?? '')) ? '-' : '';
  return sign + int + (m[3] ?? '');
}

/** jsonb's output spelling: `{"a": 1, "b": [1, 2]}`, keys ordered by length then bytes. */
export function jsonbText(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => jsonbText(v === undefined ? null : v)).join(', ')}]`;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'number':
      if (!Number.isFinite(value)) throw new ModelError('INVALID_DEFAULT', `${value} is not valid JSON`);
      return plainDecimal(value);
    case 'object': {
      const encoder = new TextEncoder();
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => ({ k, v, bytes: encoder.encode(k) }))
        .sort((a, b) => a.bytes.length - b.bytes.length || compareBytes(a.bytes, b.bytes));
      return `{${entries.map((e) => `${JSON.stringify(e.k)}: ${jsonbText(e.v)}`).join(', ')}}`;
    }
    default:
      throw new ModelError('INVALID_DEFAULT', `a ${typeof value} is not valid JSON`);
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The type label PostgreSQL attaches to a constant of the field's (element) type. */
export function constLabel(config: FieldConfig): string {
  const p = config.precision === null ? '' : `(${config.precision})`;
  switch (config.kind) {
    case 'uuid':
    case 'text':
    case 'date':
    case 'bytea':
    case 'inet':
    case 'cidr':
    case 'json':
    case 'jsonb':
    case 'boolean':
    case 'integer':
    case 'bigint':
    case 'smallint':
    case 'real':
      return config.kind;
    case 'double':
      return 'double precision';
    case 'decimal':
      return 'numeric';
    case 'string':
      return 'character varying';
    case 'interval':
      return `interval${p}`;
    case 'time':
      return `time${p} ${config.withTimezone ? 'with' : 'without'} time zone`;
    case 'timestamp':
      return `timestamp${p} ${config.withTimezone ? 'with' : 'without'} time zone`;
    case 'enum':
      return `${quoteIdentLikePostgres(config.enum!.schema)}.${quoteIdentLikePostgres(config.enum!.name)}`;
    case 'custom': {
      const c = config.custom!;
      if (c.schema === null) return c.name.replace(/\(.*\)/, '').trim();
      return `${quoteIdentLikePostgres(c.schema)}.${quoteIdentLikePostgres(c.name)}`;
    }
  }
}

/** The output text of one element value (what `<type>_out` prints), for array literals and casts. */
function elementText(config: FieldConfig, value: unknown, where: string): string {
  const bad = (why: string): never => {
    throw new ModelError('INVALID_DEFAULT', `default ${JSON.stringify(String(value))}: ${why}`, where);
  };
  switch (config.kind) {
    case 'uuid': {
      if (typeof value !== 'string') return bad('a uuid default is a string');
      const hex = value.replace(/[{}-]/g, '').toLowerCase();
      if (!/^[0-9a-f]{32}$/.test(hex)) return bad('not a uuid');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    case 'enum':
      if (typeof value !== 'string' || !config.enum!.values.includes(value)) {
        return bad(`not a value of enum ${config.enum!.name}`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return bad('a boolean default is true or false');
      return value ? 't' : 'f';
    case 'json':
      return JSON.stringify(value);
    case 'jsonb':
      return jsonbText(value);
    case 'bytea':
      if (!(value instanceof Uint8Array)) return bad('a bytea default is a Uint8Array');
      return `\\x${Buffer.from(value).toString('hex')}`;
    case 'date':
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        return bad('a date default is YYYY-MM-DD');
      return value;
    case 'timestamp':
      if (value instanceof Date) {
        const iso = value
          .toISOString()
          .replace('T', ' ')
          .replace('Z', '')
          .replace(/\.?0+$/, '');
        return config.withTimezone ? `${iso}+00` : iso;
      }
      if (typeof value !== 'string') return bad('a timestamp default is a Date or a string');
      return value;
    case 'integer':
    case 'smallint':
    case 'bigint':
    case 'real':
    case 'double':
    case 'decimal':
      if (typeof value === 'number') return plainDecimal(value);
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'string' && decimalString(value) !== null) return decimalString(value)!;
      return bad('not a number');
    default:
      if (typeof value !== 'string') return bad('a string is expected');
      return value;
  }
}

/** An array literal's text: `{a,"b c",NULL}` (array_out's quoting). */
function arrayText(config: FieldConfig, value: unknown, where: string): string {
  if (!Array.isArray(value)) throw new ModelError('INVALID_DEFAULT', 'an array default is an array', where);
  const items = value.map((v) => {
    if (v === null) return 'NULL';
    if (Array.isArray(v)) return arrayText(config, v, where);
    const text = elementText(config, v, where);
    if (text === '' || /^null$/i.test(text) || /["\\{},\s]/.test(text)) {
      return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    }
    return text;
  });
  return `{${items.join(',')}}`;
}

/**
 * The default of a field as `pg_get_expr` prints it, for a value default: `'active'::public."UserStatus"`,
 * `0`, `true`, `'{}'::jsonb`, `'x'::character varying`. Null for a `null` default (PostgreSQL
 * stores none). Values whose output depends on the server (times, intervals, addresses written
 * loosely) are spelled as given; `canonicalizeSnapshot` settles them.
 */
export function defaultLiteral(config: FieldConfig, value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  const label = constLabel(config);
  if (config.array) return `${quoteLiteral(arrayText(config, value, where))}::${label}[]`;
  switch (config.kind) {
    case 'boolean':
      return elementText(config, value, where) === 't' ? 'true' : 'false';
    case 'integer':
    case 'smallint':
    case 'real':
    case 'double':
      if (typeof value === 'number' || typeof value === 'bigint') return numberLiteral(value);
      return `${quoteLiteral(elementText(config, value, where))}::${label}`;
    case 'bigint':
      if (typeof value === 'number' || typeof value === 'bigint') return numberLiteral(value);
      if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()))
        return `'${BigInt(value.trim())}'::bigint`;
      throw new ModelError('INVALID_DEFAULT', `default ${JSON.stringify(value)} is not an integer`, where);
    case 'decimal': {
      if (typeof value === 'number' || typeof value === 'bigint') return numberLiteral(value);
      const d = typeof value === 'string' ? decimalString(value) : null;
      if (d === null)
        throw new ModelError('INVALID_DEFAULT', `default ${JSON.stringify(value)} is not a decimal`, where);
      return d.startsWith('-') || !d.includes('.') ? `'${d}'::numeric` : d;
    }
    default:
      return `${quoteLiteral(elementText(config, value, where))}::${label}`;
  }
}
