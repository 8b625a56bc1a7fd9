import type { z } from 'zod';
import { Field, type Meta, newConfig, StringField } from './field.js';
import type { EnumDef } from './model-types.js';
import { sql } from './sql.js';

function checkPrecision(what: string, p: number | undefined, max: number): number | null {
  if (p === undefined) return null;
  if (!Number.isInteger(p) || p < 0 || p > max) throw new RangeError(`${what} precision ${p}: 0 to ${max}`);
  return p;
}

export interface TimeOptions {
  /** `with time zone`. */
  readonly withTimezone?: boolean;
  /** Fractional digits of seconds, 0 to 6. */
  readonly precision?: number;
}

/** JSON a value can hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The column builders. Each returns an immutable builder; see `Field` for the modifiers.
 *
 * @example
 * const PgUser = defineModel('users', {
 *   id: field.uuid().primaryKey(),
 *   email: field.string().max(255).unique(),
 *   createdAt: field.createdAt(),
 * });
 */
export const field = {
  /** `uuid`. As a primary key it defaults to `gen_random_uuid()`. */
  uuid: () => new Field<Meta<string, string, true>>(newConfig('uuid')),
  /** `character varying`; `.max(n)` for `character varying(n)`. */
  string: () => new StringField<Meta<string>>(newConfig('string')),
  /** `text`. */
  text: () => new Field<Meta<string>>(newConfig('text')),
  /** `integer` (4 bytes). */
  integer: () => new Field<Meta<number>>(newConfig('integer')),
  /** `smallint` (2 bytes). */
  smallint: () => new Field<Meta<number>>(newConfig('smallint')),
  /** `bigint` (8 bytes). Read as a decimal string (it does not fit a JS number). */
  bigint: () => new Field<Meta<string, string | number | bigint>>(newConfig('bigint')),
  /** `numeric(precision, scale)`, or unconstrained `numeric`. Read as a decimal string. */
  decimal: (precision?: number, scale?: number) => {
    const p = checkPrecision('decimal', precision, 1000);
    if (p === 0) throw new RangeError('decimal precision must be at least 1');
    const s = scale === undefined ? (p === null ? null : 0) : scale;
    if (s !== null && (p === null || !Number.isInteger(s) || s < 0 || s > p)) {
      throw new RangeError(`decimal(${precision}, ${scale}): scale must be between 0 and the precision`);
    }
    return new Field<Meta<string, string | number>>(newConfig('decimal', { precision: p, scale: s }));
  },
  /** `real` (4-byte float). */
  real: () => new Field<Meta<number>>(newConfig('real')),
  /** `double precision`. */
  double: () => new Field<Meta<number>>(newConfig('double')),
  /** `boolean`. */
  boolean: () => new Field<Meta<boolean>>(newConfig('boolean')),
  /** `date`, read as `'YYYY-MM-DD'`. */
  date: () => new Field<Meta<string, string | Date>>(newConfig('date')),
  /** `time without time zone` by default (PostgreSQL advises against `time with time zone`). */
  time: (options: TimeOptions = {}) =>
    new Field<Meta<string>>(
      newConfig('time', {
        withTimezone: options.withTimezone ?? false,
        precision: checkPrecision('time', options.precision, 6),
      }),
    ),
  /**
   * `timestamp with time zone` by default: it names one instant whatever the session's time zone,
   * which is the safe choice. `timestamp({ withTimezone: false })` gives `timestamp without time zone`.
   */
  timestamp: (options: TimeOptions = {}) =>
    new Field<Meta<Date, Date | string>>(
      newConfig('timestamp', {
        withTimezone: options.withTimezone ?? true,
        precision: checkPrecision('timestamp', options.precision, 6),
      }),
    ),
  /** `interval`, read as text (`'1 day'`). */
  interval: (options: { precision?: number } = {}) =>
    new Field<Meta<string>>(
      newConfig('interval', { precision: checkPrecision('interval', options.precision, 6) }),
    ),
  /** `json` (text kept as written). Typed by `T`, or by a zod schema given. */
  json: <T = JsonValue>(schema?: z.ZodType<T>) =>
    new Field<Meta<T>>(newConfig('json', { zod: schema ?? null })),
  /** `jsonb`. Typed by `T`, or by a zod schema given: `field.jsonb(z.object({ tags: z.array(z.string()) }))`. */
  jsonb: <T = JsonValue>(schema?: z.ZodType<T>) =>
    new Field<Meta<T>>(newConfig('jsonb', { zod: schema ?? null })),
  /** `bytea`. */
  bytea: () => new Field<Meta<Uint8Array>>(newConfig('bytea')),
  /** `inet` (an address, with optional netmask). */
  inet: () => new Field<Meta<string>>(newConfig('inet')),
  /** `cidr` (a network). */
  cidr: () => new Field<Meta<string>>(newConfig('cidr')),
  /** A column of an enum made with `defineEnum`. */
  enum: <V extends string>(type: EnumDef<V>) =>
    new Field<Meta<V>>(newConfig('enum', { enum: type as EnumDef })),
  /**
   * Any other type, in PostgreSQL's spelling: `field.custom('tsvector')`, `field.custom('character(3)')`,
   * or a type of a schema: `field.custom('vector', { schema: 'public', modifiers: '(1536)' })`.
   * Without `schema` the type is a built-in one (in `pg_catalog`); write it as `format_type` prints
   * it, or let `canonicalizeSnapshot` spell it.
   */
  custom: <T = unknown>(
    type: string,
    options: { schema?: string; modifiers?: string; zod?: z.ZodType<T> } = {},
  ) =>
    new Field<Meta<T>>(
      newConfig('custom', {
        custom: { name: type, schema: options.schema ?? null, modifiers: options.modifiers ?? null },
        zod: options.zod ?? null,
      }),
    ),
  /** `created_at timestamp with time zone NOT NULL DEFAULT now()`. */
  createdAt: () => field.timestamp().default(sql`now()`),
  /**
   * `timestamp with time zone NOT NULL DEFAULT now()`. The default covers inserts only; keeping it
   * current on update is the application's job (or a trigger's).
   */
  updatedAt: () => field.timestamp().default(sql`now()`),
};
