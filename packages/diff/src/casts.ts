import type { TypeRef } from '@justscale/schema';

/**
 * What `ALTER COLUMN ... TYPE` does to existing data, decided from a table of PostgreSQL's built-in
 * casts. Conservative: anything not known here needs `USING`, rewrites the table and may fail.
 */
export interface TypeChange {
  /** A `USING` is needed: PostgreSQL has no implicit or assignment cast between the two types. */
  readonly needsUsing: boolean;
  /** PostgreSQL rewrites the table (false only for known binary-coercible, typmod-widening changes). */
  readonly rewrites: boolean;
  /** Existing values may not convert (narrowing, text to number, ...). */
  readonly mayFail: boolean;
}

interface Parsed {
  /** Base name without modifiers: `character varying`, `timestamp with time zone`. */
  readonly base: string;
  /** Numbers of the modifier, `[10, 2]`; empty when none. */
  readonly mods: readonly number[];
}

const MODS = /^([a-z ]+?)(?:\((\d+)(?:,(-?\d+))?\))?((?: [a-z]+)*)$/;

function parse(t: TypeRef): Parsed | null {
  if (t.schema !== 'pg_catalog') return null;
  const m = MODS.exec(t.name);
  if (m === null) return { base: t.name, mods: [] };
  const mods = [m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
  return { base: `${m[1]}${m[4] ?? ''}`, mods };
}

const NUMERIC = ['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'];
const STRING = ['text', 'character varying', 'character'];
const DATETIME = ['date', 'timestamp without time zone', 'timestamp with time zone'];

/** Pairs (source base → target base) with an implicit or assignment cast in `pg_cast`. */
function assignable(from: string, to: string): boolean {
  if (from === to) return true;
  if (NUMERIC.includes(from) && NUMERIC.includes(to)) return true;
  // Every type has an assignment I/O cast to the string types.
  if (STRING.includes(to)) return true;
  if (DATETIME.includes(from) && DATETIME.includes(to)) return true;
  if (from === 'time without time zone' && to === 'time with time zone') return true;
  if (from === 'cidr' && to === 'inet') return true;
  if (from === 'inet' && to === 'cidr') return true;
  if ((from === 'bit' || from === 'bit varying') && (to === 'bit' || to === 'bit varying')) return true;
  return false;
}

const WIDER: Readonly<Record<string, readonly string[]>> = {
  smallint: ['integer', 'bigint', 'numeric', 'double precision'],
  integer: ['bigint', 'numeric', 'double precision'],
  bigint: ['numeric'],
  real: ['double precision'],
  date: ['timestamp without time zone', 'timestamp with time zone'],
  cidr: ['inet'],
};

// Types whose typmod is a length or precision that PostgreSQL raises without touching the rows.
const TYPMOD_NO_REWRITE = new Set([
  'character varying',
  'bit varying',
  'timestamp without time zone',
  'timestamp with time zone',
  'time without time zone',
  'time with time zone',
  'interval',
]);

/** `to`'s modifier is no narrower than `from`'s (no modifier at all is unlimited). */
function typmodWidens(base: string, from: readonly number[], to: readonly number[]): boolean {
  if (to.length === 0) return true;
  if (from.length === 0) return false;
  if (base === 'numeric') return (to[1] ?? 0) === (from[1] ?? 0) && (to[0] ?? 0) >= (from[0] ?? 0);
  return (to[0] ?? 0) >= (from[0] ?? 0);
}

/**
 * How PostgreSQL changes a column from one type to another.
 *
 * @example typeChange(builtinType('character varying(10)'), builtinType('text')) // { needsUsing: false, rewrites: false, mayFail: false }
 */
export function typeChange(from: TypeRef, to: TypeRef): TypeChange {
  const a = parse(from);
  const b = parse(to);
  if (a === null || b === null || from.array !== to.array) {
    return { needsUsing: true, rewrites: true, mayFail: true };
  }
  if (from.array && a.base !== b.base) return { needsUsing: true, rewrites: true, mayFail: true };
  if (a.base === b.base) {
    const widens = typmodWidens(a.base, a.mods, b.mods);
    const noRewrite = widens && (TYPMOD_NO_REWRITE.has(a.base) || (a.base === 'numeric' && widens));
    return { needsUsing: false, rewrites: !noRewrite, mayFail: !widens };
  }
  const needsUsing = !assignable(a.base, b.base);
  // varchar(n) → text and text → varchar (unlimited) are binary coercible: no rewrite, nothing fails.
  const binary =
    (a.base === 'character varying' && b.base === 'text') ||
    (a.base === 'text' && b.base === 'character varying' && b.mods.length === 0) ||
    (a.base === 'cidr' && b.base === 'inet');
  const widens =
    binary ||
    (b.base === 'text' && !from.array) ||
    (WIDER[a.base]?.includes(b.base) === true && (b.base !== 'numeric' || b.mods.length === 0));
  return { needsUsing, rewrites: !binary, mayFail: !widens };
}
