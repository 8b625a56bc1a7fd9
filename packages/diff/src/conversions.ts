import type { Snapshot, TypeRef } from '@justscale/schema';

/**
 * How `ALTER COLUMN ... TYPE ... USING` converts a value when PostgreSQL has no implicit or
 * assignment cast (see `casts.ts`): `cast` (`col::to`: an explicit cast, or the I/O conversion from
 * and to the string types), `via-text` (`col::text::to`: enum to enum, label by label), `none` (no
 * conversion exists: `bigint` → `timestamptz`, `time` → `timestamp`), or `unknown` (a type outside
 * the built-in ones this table knows: `col::to` is kept, as PostgreSQL may have a cast for it).
 */
export type Conversion = 'cast' | 'via-text' | 'none' | 'unknown';

const STRING = new Set(['text', 'character varying', 'character']);
const NUMERIC = ['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'];

/**
 * Every cast between these built-in types, from `pg_cast` (PostgreSQL 11 to 18): implicit,
 * assignment and explicit alike. A pair of them that is not here has no cast. String types are
 * handled apart (every type converts to and from them through its I/O functions).
 */
const CASTS: Readonly<Record<string, readonly string[]>> = {
  smallint: NUMERIC,
  integer: [...NUMERIC, 'boolean', 'bit', 'money'],
  bigint: [...NUMERIC, 'bit', 'money'],
  numeric: [...NUMERIC, 'money'],
  real: NUMERIC,
  'double precision': NUMERIC,
  money: ['numeric'],
  boolean: ['integer'],
  bit: ['bit varying', 'integer', 'bigint'],
  'bit varying': ['bit'],
  date: ['timestamp without time zone', 'timestamp with time zone'],
  'timestamp without time zone': ['date', 'time without time zone', 'timestamp with time zone'],
  'timestamp with time zone': [
    'date',
    'time without time zone',
    'time with time zone',
    'timestamp without time zone',
  ],
  'time without time zone': ['interval', 'time with time zone'],
  'time with time zone': ['time without time zone'],
  interval: ['time without time zone'],
  json: ['jsonb'],
  jsonb: ['json', 'boolean', ...NUMERIC],
  uuid: [],
  bytea: [],
  inet: ['cidr'],
  cidr: ['inet'],
  macaddr: ['macaddr8'],
  macaddr8: ['macaddr'],
};

const MODS = /^([a-z ]+?)(?:\([\d,-]+\))?((?: [a-z]+)*)$/;

/** A built-in type's name without its modifiers: `timestamp(3) with time zone` → `timestamp with time zone`. */
function base(name: string): string {
  const m = MODS.exec(name);
  return m === null ? name : `${m[1]}${m[2] ?? ''}`;
}

type Kind = { kind: 'builtin'; name: string } | { kind: 'enum' } | { kind: 'other' };

/** What a type is, a domain taken down to its base type (as a cast to or from it is). */
function resolve(t: TypeRef, s: Snapshot, depth = 0): { array: boolean; kind: Kind } {
  if (t.schema === 'pg_catalog') return { array: t.array, kind: { kind: 'builtin', name: base(t.name) } };
  const domain = s.domains.find((d) => d.schema === t.schema && d.name === t.name);
  if (domain !== undefined && depth < 16) {
    const r = resolve(domain.type, s, depth + 1);
    return { array: t.array || r.array, kind: r.kind };
  }
  if (s.enums.some((e) => e.schema === t.schema && e.name === t.name)) {
    return { array: t.array, kind: { kind: 'enum' } };
  }
  return { array: t.array, kind: { kind: 'other' } };
}

const isString = (k: Kind): boolean => k.kind === 'builtin' && STRING.has(k.name);
const known = (k: Kind): boolean => k.kind === 'enum' || (k.kind === 'builtin' && k.name in CASTS);

/**
 * The conversion `ALTER COLUMN ... TYPE` needs from `from` (as `current` has it) to `to` (as
 * `desired` has it), for a change `typeChange` says needs a `USING`.
 *
 * @example conversion(builtinType('bigint'), builtinType('timestamp with time zone'), s, s) // 'none'
 */
export function conversion(from: TypeRef, to: TypeRef, current: Snapshot, desired: Snapshot): Conversion {
  const a = resolve(from, current);
  const b = resolve(to, desired);
  // To a string type (not an array of them) everything converts; from one, everything parses.
  if (!b.array && isString(b.kind)) return 'cast';
  if (!a.array && isString(a.kind)) return 'cast';
  if (a.array && b.array && isString(a.kind)) return 'cast';
  if (a.array !== b.array) return known(a.kind) && known(b.kind) ? 'none' : 'unknown';
  // Arrays convert element by element, as their elements do.
  if (a.kind.kind === 'enum' && b.kind.kind === 'enum') return 'via-text';
  if (a.kind.kind === 'enum' || b.kind.kind === 'enum') {
    return known(a.kind) && known(b.kind) ? 'none' : 'unknown';
  }
  if (a.kind.kind !== 'builtin' || b.kind.kind !== 'builtin') return 'unknown';
  if (isString(b.kind)) return 'cast';
  const casts = CASTS[a.kind.name];
  if (casts === undefined || !(b.kind.name in CASTS)) return 'unknown';
  return a.kind.name === b.kind.name || casts.includes(b.kind.name) ? 'cast' : 'none';
}
