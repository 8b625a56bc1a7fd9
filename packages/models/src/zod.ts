import { z } from 'zod';
import type { AnyField, FieldConfig } from './field.js';
import type { InferInsert, InferSelect, Model } from './model.js';
import type { ModelLike } from './model-types.js';

const RANGES = {
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
} as const;
const INT8_MIN = -9223372036854775808n;
const INT8_MAX = 9223372036854775807n;

const int8 = (v: string | number | bigint): boolean => {
  try {
    const n = BigInt(v);
    return n >= INT8_MIN && n <= INT8_MAX;
  } catch {
    return false;
  }
};

/** Digits before and after the point of a decimal string fit numeric(p, s) (after rounding to s). */
function fitsNumeric(v: string | number, precision: number | null, scale: number | null): boolean {
  const s = typeof v === 'number' ? String(v) : v.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s))
    return /^[+-]?(nan|infinity|inf)$/i.test(s) && precision === null;
  if (precision === null) return true;
  const n = Number(s);
  return Math.abs(n) < 10 ** (precision - (scale ?? 0)) - 10 ** -(scale ?? 0) / 2 || Math.abs(n) === 0;
}

type Mode = 'select' | 'insert';

function scalar(c: FieldConfig, mode: Mode): z.ZodType {
  switch (c.kind) {
    case 'uuid':
      // PostgreSQL accepts any 8-4-4-4-12 hex value, not only RFC 9562 versions.
      return z.guid();
    case 'string': {
      const max = c.maxLength;
      // character varying(n) counts characters, not UTF-16 code units.
      return max === null
        ? z.string()
        : z.string().refine((s) => [...s].length <= max, `at most ${max} characters`);
    }
    case 'text':
    case 'time':
    case 'interval':
      return z.string();
    case 'integer':
    case 'smallint': {
      const [min, max] = RANGES[c.kind];
      return z.number().int().min(min).max(max);
    }
    case 'bigint':
      return mode === 'select'
        ? z.string().regex(/^-?\d+$/)
        : z
            .union([z.bigint(), z.number().int(), z.string().regex(/^[+-]?\d+$/)])
            .refine(int8, 'out of bigint range');
    case 'decimal': {
      const fits = (v: string | number) => fitsNumeric(v, c.precision, c.scale);
      return mode === 'select'
        ? z.string().refine(fits, 'not a number that fits')
        : z.union([z.string(), z.number()]).refine(fits, 'not a number that fits');
    }
    case 'real':
    case 'double':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'date':
      return mode === 'select'
        ? z.string().regex(/^\d{4,}-\d{2}-\d{2}$/)
        : z.union([z.date(), z.string().regex(/^\d{4,}-\d{2}-\d{2}$/)]);
    case 'timestamp':
      return mode === 'select' ? z.date() : z.union([z.date(), z.string()]);
    case 'json':
    case 'jsonb':
      return c.zod ?? z.json();
    case 'bytea':
      return z.instanceof(Uint8Array);
    case 'inet':
      return z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
    case 'cidr':
      return mode === 'select'
        ? z.union([z.cidrv4(), z.cidrv6()])
        : z.union([z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()]);
    case 'enum':
      return z.enum(c.enum!.values as [string, ...string[]]);
    case 'custom':
      return c.zod ?? z.unknown();
  }
}

/** The zod schema of one field's value (no nullability), for a row read or written. */
export function fieldSchema(f: AnyField, mode: Mode): z.ZodType {
  let s = scalar(f.config, mode);
  if (f.config.array) s = z.array(s);
  return s;
}

export interface SchemaOptions {
  /** Key rows by property name (default) or by column name. */
  readonly keys?: 'property' | 'column';
}

function keyOf(model: ModelLike, property: string, options: SchemaOptions): string {
  return options.keys === 'column' ? model.columnName(property) : property;
}

/**
 * The zod schema of a row read from the model's table: every field, `null` where optional.
 *
 * @example
 * const row = selectSchema(PgUser).parse(await db.findOne('users', { email }));
 */
export function selectSchema<M extends Model>(
  model: M,
  options: SchemaOptions = {},
): z.ZodType<InferSelect<M>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [p, f] of Object.entries(model.fields)) {
    const s = fieldSchema(f, 'select');
    shape[keyOf(model, p, options)] = f.config.nullable ? s.nullable() : s;
  }
  return z.object(shape) as unknown as z.ZodType<InferSelect<M>>;
}

/**
 * The zod schema of a row to insert: nullable and defaulted fields optional, generated columns
 * and `GENERATED ALWAYS` identities refused (the object is strict).
 *
 * @example
 * const row = insertSchema(PgUser).parse({ email: 'a@example.com' });
 */
export function insertSchema<M extends Model>(
  model: M,
  options: SchemaOptions = {},
): z.ZodType<InferInsert<M>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [p, f] of Object.entries(model.fields)) {
    const c = f.config;
    if (c.generated !== null || c.identity?.always) continue;
    let s = fieldSchema(f, 'insert');
    if (c.nullable && !c.primaryKey) s = s.nullable();
    const hasDefault =
      c.default !== null || c.identity !== null || (c.kind === 'uuid' && c.primaryKey && !c.array);
    if ((c.nullable && !c.primaryKey) || hasDefault) s = s.optional();
    shape[keyOf(model, p, options)] = s;
  }
  return z.strictObject(shape) as unknown as z.ZodType<InferInsert<M>>;
}
