import {
  type CheckConstraint,
  type Column,
  type Index,
  normalizeSnapshot,
  type Snapshot,
  type Table,
  type TypeRef,
} from '@justscale/schema';
import { ModelError } from './errors.js';
import { quoteIdent, quoteIdentLikePostgres } from './naming.js';

/**
 * What `canonicalizeSnapshot` needs from a driver: any `Driver`, `Session` or transaction of
 * `@justscale/driver` fits. Declared here so that models import no client library.
 */
export interface CanonicalizeQueryable {
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ readonly rows: R[] }>;
  transaction<T>(fn: (tx: CanonicalizeQueryable) => Promise<T>): Promise<T>;
}

const ROLLBACK = Symbol('rollback');

interface ColumnRow {
  schema: string;
  table: string;
  column: string;
  type: string;
  /** The element type's schema and name, and `format_type` of it without modifiers. */
  type_schema: string;
  type_name: string;
  type_bare: string;
  default: string | null;
  generated: string | null;
}
interface CheckRow {
  schema: string;
  table: string;
  name: string;
  expression: string;
}
interface IndexRow {
  schema: string;
  name: string;
  keys: (string | null)[];
  where: string | null;
}

function typeSql(t: TypeRef, scratch: ReadonlyMap<string, string>, enums: ReadonlySet<string>): string {
  const base =
    t.schema === 'pg_catalog'
      ? t.name
      : `${quoteIdent(enums.has(`${t.schema}\u0000${t.name}`) ? scratch.get(t.schema)! : t.schema)}.${quoteIdent(t.name)}${t.modifiers ?? ''}`;
  return t.array ? `${base}[]` : base;
}

/**
 * Rewrites references to the snapshot's enums (`public."UserStatus"`, as PostgreSQL prints them or
 * fully quoted) to their scratch copies, outside string literals, so that canonical text goes
 * through again unchanged.
 */
function toScratch(
  text: string,
  enums: readonly { schema: string; name: string }[],
  scratch: ReadonlyMap<string, string>,
): string {
  if (enums.length === 0) return text;
  const forms = new Map<string, string>();
  for (const e of enums) {
    const target = `${quoteIdent(scratch.get(e.schema)!)}.${quoteIdent(e.name)}`;
    for (const s of [quoteIdentLikePostgres(e.schema), quoteIdent(e.schema)]) {
      for (const n of [quoteIdentLikePostgres(e.name), quoteIdent(e.name)]) forms.set(`${s}.${n}`, target);
    }
  }
  const escaped = [...forms.keys()]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`'(?:[^']|'')*'|(?<![A-Za-z0-9_$"])(${escaped.join('|')})(?![A-Za-z0-9_$"])`, 'g');
  return text.replace(re, (m, ref: string | undefined) => (ref === undefined ? m : forms.get(ref)!));
}

function createTableSql(
  t: Table,
  target: string,
  scratch: ReadonlyMap<string, string>,
  enums: ReadonlySet<string>,
  fix: (text: string) => string,
): string {
  const parts = t.columns.map((c) => {
    let s = `${quoteIdent(c.name)} ${typeSql(c.type, scratch, enums)}`;
    if (c.collation) s += ` COLLATE ${quoteIdent(c.collation.schema)}.${quoteIdent(c.collation.name)}`;
    if (c.default !== null) s += ` DEFAULT ${fix(c.default)}`;
    if (c.generated !== null) s += ` GENERATED ALWAYS AS (${fix(c.generated)}) STORED`;
    return s;
  });
  for (const k of t.constraints) {
    if (k.kind === 'check') parts.push(`CONSTRAINT ${quoteIdent(k.name)} CHECK (${fix(k.expression)})`);
  }
  return `CREATE TABLE ${quoteIdent(target)}.${quoteIdent(t.name)} (${parts.join(', ')})`;
}

function createIndexSql(i: Index, target: string, fix: (text: string) => string): string {
  const keys = i.keys.map((k) => {
    let s = k.column !== null ? quoteIdent(k.column) : `(${fix(k.expression!)})`;
    if (k.collation) s += ` COLLATE ${quoteIdent(k.collation.schema)}.${quoteIdent(k.collation.name)}`;
    if (k.opclass) s += ` ${quoteIdent(k.opclass.schema)}.${quoteIdent(k.opclass.name)}`;
    if (k.descending) s += ' DESC';
    if (k.nullsFirst !== k.descending) s += k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
    return s;
  });
  let s = `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(i.name)} ON ${quoteIdent(target)}.${quoteIdent(i.table)} USING ${quoteIdent(i.method)} (${keys.join(', ')})`;
  if (i.include.length > 0) s += ` INCLUDE (${i.include.map(quoteIdent).join(', ')})`;
  if (i.where !== null) s += ` WHERE (${fix(i.where)})`;
  return s;
}

/**
 * Gives the SQL written by users in a snapshot (defaults, generated expressions, check
 * expressions, index expressions and predicates, and built-in type names) PostgreSQL's own
 * spelling, as introspection will read it. It creates the tables, enums and indexes in scratch
 * schemas inside a transaction that is always rolled back, reads `pg_get_expr` / `format_type` /
 * `pg_get_indexdef` with `search_path = pg_catalog` and `TimeZone = UTC`, and substitutes them.
 * Nothing is left in the database. An expression PostgreSQL rejects raises its error.
 *
 * @example
 * const desired = await canonicalizeSnapshot(driver, modelsToSnapshot(PgUser, PgPost));
 */
export async function canonicalizeSnapshot(
  driver: CanonicalizeQueryable,
  snapshot: Snapshot,
): Promise<Snapshot> {
  if (snapshot.tables.length === 0) return normalizeSnapshot(snapshot);
  let result: Snapshot | null = null;
  try {
    await driver.transaction(async (tx) => {
      result = await canonicalizeIn(tx, snapshot);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  if (result === null) throw new ModelError('INVALID_SQL', 'canonicalization produced nothing');
  return result;
}

async function canonicalizeIn(tx: CanonicalizeQueryable, snapshot: Snapshot): Promise<Snapshot> {
  const tag = Math.random().toString(36).slice(2, 10);
  const schemas = [
    ...new Set([...snapshot.tables.map((t) => t.schema), ...snapshot.enums.map((e) => e.schema)]),
  ].sort();
  const scratch = new Map(schemas.map((s, i) => [s, `_justscale_canon_${tag}_${i}`]));
  const back = new Map([...scratch].map(([orig, tmp]) => [tmp, orig]));
  const enumKeys = new Set(snapshot.enums.map((e) => `${e.schema}\u0000${e.name}`));
  // Names resolve as PostgreSQL resolves them for the user: the scratch copy of public first, then the
  // session's own search_path (a type an extension installed into public, such as citext), then pg_catalog.
  const session = await tx.query<{ schemas: string[] | string }>('SELECT current_schemas(false) AS schemas');
  const sessionSchemas = parseNameArray(session.rows[0]?.schemas ?? []).filter((n) => n !== 'pg_catalog');
  const searchPath = [
    ...(scratch.has('public') ? [scratch.get('public')!] : []),
    ...sessionSchemas,
    'pg_catalog',
  ]
    .map(quoteIdent)
    .join(', ');
  await tx.query(`SET LOCAL search_path = ${searchPath}`);
  await tx.query(`SET LOCAL "TimeZone" = 'UTC'`);
  for (const tmp of scratch.values()) await tx.query(`CREATE SCHEMA ${quoteIdent(tmp)}`);
  for (const e of snapshot.enums) {
    const values = e.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
    await tx.query(
      `CREATE TYPE ${quoteIdent(scratch.get(e.schema)!)}.${quoteIdent(e.name)} AS ENUM (${values})`,
    );
  }
  const fix = (text: string) => toScratch(text, snapshot.enums, scratch);
  for (const t of snapshot.tables)
    await tx.query(createTableSql(t, scratch.get(t.schema)!, scratch, enumKeys, fix));
  for (const i of snapshot.indexes) {
    const target = scratch.get(i.schema);
    if (target === undefined) continue;
    await tx.query(createIndexSql(i, target, fix));
  }
  await tx.query('SET LOCAL search_path = pg_catalog');
  const names = [...scratch.values()];
  const columns = await tx.query<ColumnRow>(
    `SELECT n.nspname AS schema, c.relname AS table, a.attname AS column,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       tn.nspname AS type_schema, et.typname AS type_name,
       pg_catalog.format_type(et.oid, NULL) AS type_bare,
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS default,
       CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS generated
     FROM pg_catalog.pg_attribute a
     JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
     JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN at.typelem <> 0 AND at.typlen = -1 THEN at.typelem ELSE at.oid END
     JOIN pg_catalog.pg_namespace tn ON tn.oid = et.typnamespace
     LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = ANY ($1::pg_catalog.text[]) AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
    [names],
  );
  const checks = await tx.query<CheckRow>(
    `SELECT n.nspname AS schema, c.relname AS table, k.conname AS name,
       pg_catalog.pg_get_expr(k.conbin, k.conrelid) AS expression
     FROM pg_catalog.pg_constraint k
     JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY ($1::pg_catalog.text[]) AND k.contype = 'c'`,
    [names],
  );
  const indexes = await tx.query<IndexRow>(
    `SELECT n.nspname AS schema, ic.relname AS name,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS where,
       (SELECT pg_catalog.array_agg(CASE WHEN i.indkey[k - 1] = 0
                 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k::pg_catalog.int4, true) END ORDER BY k)
          FROM pg_catalog.generate_series(1, i.indnkeyatts::pg_catalog.int4) AS k) AS keys
     FROM pg_catalog.pg_index i
     JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
     WHERE n.nspname = ANY ($1::pg_catalog.text[])`,
    [names],
  );

  // Scratch schemas appear in the text only where the user's own types are named: map them back.
  const scratchRe = new RegExp(`(${names.join('|')})\\.`, 'g');
  const unscratch = (text: string | null): string | null =>
    text === null
      ? null
      : text.replace(scratchRe, (_m, tmp: string) => `${quoteIdentLikePostgres(back.get(tmp)!)}.`);
  const key = (...parts: string[]) => parts.join('\u0000');
  const columnRows = new Map(columns.rows.map((r) => [key(back.get(r.schema)!, r.table, r.column), r]));
  const checkRows = new Map(checks.rows.map((r) => [key(back.get(r.schema)!, r.table, r.name), r]));
  const indexRows = new Map(indexes.rows.map((r) => [key(back.get(r.schema)!, r.name), r]));

  const tables = snapshot.tables.map((t): Table => {
    const cols = t.columns.map((c): Column => {
      const row = columnRows.get(key(t.schema, t.name, c.name))!;
      const type = c.type.schema !== 'pg_catalog' ? c.type : resolvedType(c.type, row);
      return { ...c, type, default: unscratch(row.default), generated: unscratch(row.generated) };
    });
    const constraints = t.constraints.map((k) => {
      if (k.kind !== 'check') return k;
      const row = checkRows.get(key(t.schema, t.name, k.name))!;
      return { ...k, expression: unscratch(row.expression)! } satisfies CheckConstraint;
    });
    return { ...t, columns: cols, constraints };
  });
  const idx = snapshot.indexes.map((i): Index => {
    const row = indexRows.get(key(i.schema, i.name));
    if (!row) return i;
    const keys = i.keys.map((k, n) =>
      k.expression === null ? k : { ...k, expression: unscratch(row.keys[n] ?? null) },
    );
    return { ...i, keys, where: unscratch(row.where) };
  });
  return normalizeSnapshot({ ...snapshot, tables, indexes: idx });
}

/** A `name[]` as a driver returns it: an array, or its text form `{public,"my schema"}`. */
function parseNameArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  if (inner === '') return [];
  return [...inner.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!,
  );
}

/**
 * A type the model names without a schema (`field.custom('citext')`), as PostgreSQL resolved it: a
 * built-in keeps `format_type`'s spelling; a type found on the search path (an extension's, in
 * public) becomes a reference to its schema, its modifiers apart, as introspection reads it.
 */
function resolvedType(type: Column['type'], row: ColumnRow): Column['type'] {
  const formatted = type.array ? row.type.replace(/\[\]$/, '') : row.type;
  if (row.type_schema === 'pg_catalog') return { ...type, name: formatted };
  const modifiers =
    formatted.startsWith(row.type_bare) && formatted.length > row.type_bare.length
      ? formatted.slice(row.type_bare.length)
      : null;
  return { ...type, schema: row.type_schema, name: row.type_name, modifiers };
}
