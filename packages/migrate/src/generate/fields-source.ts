import { type AnyField, field, sql, toColumnName, toPropertyName } from '@justscale/models';
import {
  type Column,
  type Constraint,
  defaultSequenceOptions,
  type QualifiedName,
  stableStringify,
  type Table,
  type TypeRef,
} from '@justscale/schema';
import { fieldToColumn } from '../database/ddl/fields.js';
import { array, call, evaluate, object, ref, type Src, sqlText, value } from './source-tree.js';

/**
 * Field builders for generated `db.createTable` and `alterTable(... addColumn ...)` calls: the
 * inverse of what `fieldsToTable` does, for the columns and constraints a builder can say. Each
 * column's builder is checked here (it must give back exactly the planned column); the whole call
 * is checked again by the writer against a recording Database. Anything a builder cannot say
 * exactly gives null, and the writer keeps the planned SQL.
 */

const SIMPLE: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  smallint: 'smallint',
  real: 'real',
  'double precision': 'double',
  boolean: 'boolean',
  date: 'date',
  json: 'json',
  jsonb: 'jsonb',
  bytea: 'bytea',
  inet: 'inet',
  cidr: 'cidr',
};

const fieldRef = ref('field');

/** `field.<type>(...)` for a column type. */
function typeBuilder(t: TypeRef): Src {
  let b: Src;
  if (t.schema !== 'pg_catalog') {
    const o: [string, Src][] = [['schema', value(t.schema)]];
    if (t.modifiers !== null) o.push(['modifiers', value(t.modifiers)]);
    b = call(fieldRef, 'custom', value(t.name), object(o));
  } else {
    const n = t.name;
    const varchar = /^character varying(?:\((\d+)\))?$/.exec(n);
    const numeric = /^numeric(?:\((\d+),(\d+)\))?$/.exec(n);
    const time = /^(time|timestamp)(?:\((\d)\))? (with|without) time zone$/.exec(n);
    const interval = /^interval(?:\((\d)\))?$/.exec(n);
    if (SIMPLE[n] !== undefined) b = call(fieldRef, SIMPLE[n]);
    else if (varchar)
      b =
        varchar[1] === undefined
          ? call(fieldRef, 'string')
          : call(call(fieldRef, 'string'), 'max', value(Number(varchar[1])));
    else if (numeric)
      b =
        numeric[1] === undefined
          ? call(fieldRef, 'decimal')
          : call(fieldRef, 'decimal', value(Number(numeric[1])), value(Number(numeric[2])));
    else if (time) {
      const o: [string, Src][] = [];
      const tz = time[3] === 'with';
      if (tz !== (time[1] === 'timestamp')) o.push(['withTimezone', value(tz)]);
      if (time[2] !== undefined) o.push(['precision', value(Number(time[2]))]);
      b = o.length === 0 ? call(fieldRef, time[1]!) : call(fieldRef, time[1]!, object(o));
    } else if (interval)
      b =
        interval[1] === undefined
          ? call(fieldRef, 'interval')
          : call(fieldRef, 'interval', object([['precision', value(Number(interval[1]))]]));
    else b = call(fieldRef, 'custom', value(n));
  }
  return t.array ? call(b, 'array') : b;
}

/** What a default may be written as, most readable first; the last is always `sql\`...\``. */
function defaultCandidates(d: string): Src[] {
  const out: unknown[] = [];
  if (d === 'true' || d === 'false') out.push(d === 'true');
  const bare =
    /^'(-?\d+(?:\.\d+)?)'::(?:integer|bigint|numeric)$/.exec(d)?.[1] ??
    (/^-?\d+(\.\d+)?$/.test(d) ? d : null);
  if (bare !== null) {
    const n = Number(bare);
    if (Number.isSafeInteger(n) || !Number.isInteger(n)) out.push(n);
    out.push(bare);
  }
  const quoted = /^'((?:[^']|'')*)'::[^']+$/s.exec(d);
  if (quoted) {
    const s = quoted[1]!.replaceAll("''", "'");
    if (s === '{}') out.push([]);
    try {
      out.push(JSON.parse(s));
    } catch {
      // not JSON
    }
    out.push(s);
  }
  return [...out.map(value), sqlText(d)];
}

function identityOptions(table: QualifiedName, c: Column): Src | null {
  const identity = c.identity;
  if (identity === null) return null;
  const s = identity.sequence;
  const base = defaultSequenceOptions(s.type);
  const o: [string, Src][] = [];
  if (identity.generation === 'ALWAYS') o.push(['always', value(true)]);
  const descending = s.increment.startsWith('-');
  const minDefault = descending
    ? { smallint: '-32768', integer: '-2147483648', bigint: '-9223372036854775808' }[s.type]
    : base.minValue;
  const maxDefault = descending ? '-1' : base.maxValue;
  if (s.increment !== base.increment) o.push(['increment', value(s.increment)]);
  if (s.minValue !== minDefault) o.push(['minValue', value(s.minValue)]);
  if (s.maxValue !== maxDefault) o.push(['maxValue', value(s.maxValue)]);
  if (s.start !== (descending ? s.maxValue : s.minValue)) o.push(['start', value(s.start)]);
  if (s.cache !== base.cache) o.push(['cache', value(s.cache)]);
  if (s.cycle) o.push(['cycle', value(true)]);
  if (s.name !== defaultSequenceName(table, c.name)) o.push(['sequenceName', value(s.name)]);
  return object(o);
}

function defaultSequenceName(table: QualifiedName, column: string): string {
  return `${table.name}_${column}_seq`;
}

/** The property a column is written under: `author_id` → `authorId`, or the name itself. */
export function propertyOf(column: string, taken?: Set<string>): string {
  let p = toPropertyName(column) ?? column;
  if (taken?.has(p)) p = column;
  taken?.add(p);
  return p;
}

/**
 * The builder of column `c` under property `key`, with `.primaryKey()` / `.unique()` when `flags`
 * ask; null when no builder gives exactly `c`.
 */
export function columnField(
  table: QualifiedName,
  key: string,
  c: Column,
  flags: { primaryKey?: boolean; unique?: boolean } = {},
): Src | null {
  let b = typeBuilder(c.type);
  if (flags.primaryKey) b = call(b, 'primaryKey');
  if (flags.unique) b = call(b, 'unique');
  if (!c.notNull && !flags.primaryKey && c.identity === null) b = call(b, 'optional');
  const tail = (builder: Src): Src | null => {
    let t = builder;
    if (c.generated !== null) t = call(t, 'generated', sqlText(c.generated));
    const identity = identityOptions(table, c);
    if (identity !== null)
      t =
        identity.kind === 'object' && identity.entries.length === 0
          ? call(t, 'identity')
          : call(t, 'identity', identity);
    if (c.collation !== null) {
      if (c.collation.schema !== 'pg_catalog') return null;
      t = call(t, 'collate', value(c.collation.name));
    }
    if (c.comment !== null) t = call(t, 'comment', value(c.comment));
    if (toColumnName(key) !== c.name) t = call(t, 'column', value(c.name));
    return t;
  };
  const candidates =
    c.default === null
      ? [tail(b), tail(call(b, 'default', value(null)))]
      : defaultCandidates(c.default).map((d) => tail(call(b, 'default', d)));
  if (c.default !== null && flags.primaryKey) candidates.unshift(tail(b));
  const want = stableStringify(c);
  for (const candidate of candidates) {
    if (candidate === null) continue;
    try {
      const built = evaluate(candidate, { field, sql }) as AnyField;
      if (stableStringify(fieldToColumn(table, key, built).column) === want) return candidate;
    } catch {
      // not a builder of this column: try the next spelling
    }
  }
  return null;
}

/**
 * `db.createTable(name, { fields }, { options })` arguments for a planned table, or null when the
 * table has something field builders and model options cannot say (partitions, inheritance,
 * storage options, row security, exclusion constraints, deferrable keys, ...).
 */
export function createTableArgs(t: Table): Src[] | null {
  if (
    t.partitionBy !== null ||
    t.partitionOf !== null ||
    t.inherits.length > 0 ||
    t.unlogged ||
    t.rowSecurity ||
    t.forceRowSecurity ||
    t.policies.length > 0 ||
    Object.keys(t.options).length > 0 ||
    t.columns.length === 0
  )
    return null;
  const taken = new Set<string>();
  const prop = new Map(t.columns.map((c) => [c.name, propertyOf(c.name, taken)]));
  const props = (cols: readonly string[]) => value(cols.map((c) => prop.get(c) ?? c));
  const pk = t.constraints.find((k) => k.kind === 'primaryKey');
  const fieldPk =
    pk?.kind === 'primaryKey' &&
    pk.columns.length === 1 &&
    pk.include.length === 0 &&
    pk.name === `${t.name}_pkey`
      ? pk.columns[0]!
      : null;
  // A single-column unique constraint with PostgreSQL's name is the field's `.unique()`.
  const fieldUnique = new Map<string, string>();
  for (const k of t.constraints) {
    if (
      k.kind === 'unique' &&
      k.columns.length === 1 &&
      k.include.length === 0 &&
      !k.nullsNotDistinct &&
      k.name === `${t.name}_${k.columns[0]}_key` &&
      !fieldUnique.has(k.columns[0]!)
    )
      fieldUnique.set(k.columns[0]!, k.name);
  }
  const byField = new Set(fieldUnique.values());
  const fields: [string, Src][] = [];
  for (const c of t.columns) {
    const f = columnField(t, prop.get(c.name)!, c, {
      primaryKey: fieldPk === c.name,
      unique: fieldUnique.has(c.name),
    });
    if (f === null) return null;
    fields.push([prop.get(c.name)!, f]);
  }
  const options: [string, Src][] = [];
  const uniques: Src[] = [];
  const checks: Src[] = [];
  const foreignKeys: Src[] = [];
  for (const k of t.constraints) {
    if (k.deferrable || k.initiallyDeferred || k.comment !== null) return null;
    if (byField.has(k.name)) continue;
    if (!constraintOption(k, fieldPk, props, options, uniques, checks, foreignKeys)) return null;
  }
  if (uniques.length > 0) options.push(['uniques', array(uniques)]);
  if (checks.length > 0) options.push(['checks', array(checks)]);
  if (foreignKeys.length > 0) options.push(['foreignKeys', array(foreignKeys)]);
  if (t.comment !== null) options.push(['comment', value(t.comment)]);
  const args = [object(fields, true)];
  if (options.length > 0) args.push(object(options));
  return args;
}

function constraintOption(
  k: Constraint,
  fieldPk: string | null,
  props: (cols: readonly string[]) => Src,
  options: [string, Src][],
  uniques: Src[],
  checks: Src[],
  foreignKeys: Src[],
): boolean {
  switch (k.kind) {
    case 'primaryKey':
      if (fieldPk !== null) return true;
      if (k.include.length > 0) return false;
      options.push([
        'primaryKey',
        object([
          ['columns', props(k.columns)],
          ['name', value(k.name)],
        ]),
      ]);
      return true;
    case 'unique': {
      const o: [string, Src][] = [
        ['columns', props(k.columns)],
        ['name', value(k.name)],
      ];
      if (k.include.length > 0) o.push(['include', props(k.include)]);
      if (k.nullsNotDistinct) o.push(['nullsNotDistinct', value(true)]);
      uniques.push(object(o));
      return true;
    }
    case 'check': {
      if (k.notValid === true) return false;
      const o: [string, Src][] = [
        ['expression', sqlText(k.expression)],
        ['name', value(k.name)],
      ];
      if (k.noInherit) o.push(['noInherit', value(true)]);
      checks.push(object(o));
      return true;
    }
    case 'foreignKey': {
      if (k.notValid === true || k.onDeleteColumns !== null || k.match === 'PARTIAL') return false;
      const o: [string, Src][] = [
        ['columns', props(k.columns)],
        [
          'references',
          object([
            ['table', value(k.references.table.name)],
            ['schema', value(k.references.table.schema)],
            ['columns', value(k.references.columns)],
          ]),
        ],
        ['name', value(k.name)],
      ];
      if (k.onDelete !== 'NO ACTION') o.push(['onDelete', value(k.onDelete)]);
      if (k.onUpdate !== 'NO ACTION') o.push(['onUpdate', value(k.onUpdate)]);
      if (k.match === 'FULL') o.push(['match', value('FULL')]);
      foreignKeys.push(object(o));
      return true;
    }
    case 'exclusion':
      return false;
    default:
      return false;
  }
}
