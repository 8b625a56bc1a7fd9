import type { Driver, Queryable } from '@justscale/driver';
import { normalizeSnapshot, type Snapshot } from '@justscale/schema';
import { mapDependency, tableOfRef } from './map/dependencies.js';
import { catalogNames } from './map/names.js';
import { mapIndex, mapView } from './map/relations.js';
import { mapFunction, mapGrant, mapTrigger } from './map/routines.js';
import type { Row } from './map/rows.js';
import { mapCollation, mapRule } from './map/rules.js';
import { mapSequence, mapTables } from './map/tables.js';
import { mapComposite, mapDomain, mapEnum } from './map/types.js';
import { type IntrospectOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { loadQuery, type QueryName } from './queries.js';

/**
 * Settings under which deparsed text does not depend on the caller's session: a search_path that
 * makes every user object schema-qualified, and the time zone and date/interval styles that decide
 * how timestamp, date and interval constants in defaults and expressions are printed.
 */
export const SESSION_SETTINGS =
  'SET LOCAL search_path = pg_catalog; SET LOCAL "TimeZone" = \'UTC\'; ' +
  'SET LOCAL "DateStyle" = \'ISO, MDY\'; SET LOCAL "IntervalStyle" = \'postgres\'';

/**
 * The statement that opens introspection's transaction: one consistent, read-only view of the
 * catalog, and a search_path under which every deparsed expression and view body schema-qualifies
 * the user objects it names (so the result does not depend on the caller's search_path).
 */
export const TRANSACTION_SETUP =
  'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; ' + SESSION_SETTINGS;

/** The catalog queries run after `version` and `schemas`, each with the schema OIDs as `$1` (but `lookups`). */
const PER_SCHEMA_QUERIES = [
  'lookups',
  'extensions',
  'enums',
  'domains',
  'composites',
  'sequences',
  'tables',
  'columns',
  'constraints',
  'indexes',
  'views',
  'functions',
  'triggers',
  'policies',
  'collations',
  'rules',
  'dependencies',
] as const satisfies readonly QueryName[];

type PerSchemaQuery = (typeof PER_SCHEMA_QUERIES)[number] | 'grants';

/** The raw rows of every catalog query, keyed by query name. */
export type CatalogRows = Record<PerSchemaQuery, Row[]>;

/** What the first two queries establish: the server's major version and the schemas to read. */
export interface CatalogHead {
  readonly major: number;
  /** The introspected schemas' OIDs, comma-separated: `$1` of the per-schema queries. */
  readonly oids: string;
  readonly schemas: Row[];
}

/** Runs `version` and `schemas` on `q` (inside the transaction opened with `TRANSACTION_SETUP`). */
export async function readHead(q: Queryable, options: ResolvedOptions): Promise<CatalogHead> {
  const version = await q.query(loadQuery('version', 0));
  const major = Math.floor(Number(version.rows[0]?.version_num) / 10000);
  const schemas = await q.query(loadQuery('schemas', major), [
    options.schemas === null ? null : JSON.stringify(options.schemas),
    JSON.stringify(options.excludeSchemas),
  ]);
  return { major, oids: schemas.rows.map((r) => String(r.oid)).join(','), schemas: schemas.rows };
}

/** The per-schema queries to run for these options. */
export function queryList(options: ResolvedOptions): PerSchemaQuery[] {
  return options.privileges ? [...PER_SCHEMA_QUERIES, 'grants'] : [...PER_SCHEMA_QUERIES];
}

/** Runs some of the per-schema queries on `q`, one after the other. */
export async function readQueries(
  q: Queryable,
  names: readonly PerSchemaQuery[],
  head: CatalogHead,
): Promise<Partial<CatalogRows>> {
  const rows: Partial<CatalogRows> = {};
  for (const name of names) {
    rows[name] = (await q.query(loadQuery(name, head.major), name === 'lookups' ? [] : [head.oids])).rows;
  }
  return rows;
}

/**
 * Runs the catalog queries on `q`, which must already be inside the transaction opened with
 * `TRANSACTION_SETUP`. The number of queries depends only on the options, never on the schema.
 */
export async function readCatalog(q: Queryable, options: ResolvedOptions): Promise<CatalogRows> {
  const head = await readHead(q, options);
  return complete(head, await readQueries(q, queryList(options), head));
}

function complete(head: CatalogHead, rows: Partial<CatalogRows>): CatalogRows & { schemas: Row[] } {
  return { grants: [], ...rows, schemas: head.schemas } as CatalogRows & { schemas: Row[] };
}

// The heaviest queries (columns; constraints and indexes) go to different sessions.
const SECOND_SESSION: ReadonlySet<PerSchemaQuery> = new Set([
  'lookups',
  'constraints',
  'indexes',
  'sequences',
  'extensions',
  'composites',
  'collations',
  'dependencies',
]);

/**
 * The catalog read by two sessions at once that share one snapshot: the first exports it
 * (`pg_export_snapshot()`), the second adopts it (`SET TRANSACTION SNAPSHOT`) before its first query.
 */
async function readCatalogInParallel(driver: Driver, options: ResolvedOptions): Promise<CatalogRows> {
  return driver.transaction(async (first) => {
    await first.exec(TRANSACTION_SETUP);
    const head = await readHead(first, options);
    const exported = await first.query<{ id: string }>('SELECT pg_catalog.pg_export_snapshot() AS id');
    const id = String(exported.rows[0]?.id);
    if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`introspect: unexpected snapshot id '${id}'`);
    const names = queryList(options);
    const second = driver.transaction(async (tx) => {
      await tx.exec(
        `SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET TRANSACTION SNAPSHOT '${id}'; ` +
          SESSION_SETTINGS,
      );
      return readQueries(
        tx,
        names.filter((n) => SECOND_SESSION.has(n)),
        head,
      );
    });
    const mine = readQueries(
      first,
      names.filter((n) => !SECOND_SESSION.has(n)),
      head,
    );
    const [a, b] = await Promise.all([mine, second]);
    return complete(head, { ...a, ...b });
  });
}

/** Builds the snapshot from the catalog rows: maps, drops the migrations table, normalises. */
export function buildSnapshot(rows: CatalogRows & { schemas: Row[] }, options: ResolvedOptions): Snapshot {
  const skip = options.isMigrationsTable;
  const names = catalogNames(rows.columns, rows.lookups);
  const tables = mapTables(rows.tables, rows.columns, rows.constraints, rows.policies, names).filter(
    (t) => !skip(t.schema, t.name),
  );
  const sequences = rows.sequences
    .map(mapSequence)
    .filter((s) => s.ownedBy === null || !skip(s.ownedBy.table.schema, s.ownedBy.table.name));
  const kept = new Set(sequences.map((s) => `${s.schema}\u0000${s.name}`));
  const all = new Set(rows.sequences.map((r) => `${String(r.schema)}\u0000${String(r.name)}`));
  const droppedSequence = (schema: string, name: string): boolean =>
    all.has(`${schema}\u0000${name}`) && !kept.has(`${schema}\u0000${name}`);
  const skipRef = (r: { schema: string }, table: string | null): boolean =>
    table !== null && skip(r.schema, table);
  return normalizeSnapshot({
    dependencies: rows.dependencies
      .map(mapDependency)
      .filter((d) => !skipRef(d.from, tableOfRef(d.from)) && !skipRef(d.on, tableOfRef(d.on))),
    schemas: rows.schemas.map((r) => ({
      name: String(r.name),
      comment: (r.comment as string | null) ?? null,
    })),
    extensions: rows.extensions.map((r) => ({
      name: String(r.name),
      schema: String(r.schema),
      version: (r.version as string | null) ?? null,
    })),
    enums: rows.enums.map(mapEnum),
    domains: rows.domains.map(mapDomain),
    compositeTypes: rows.composites.map(mapComposite),
    sequences,
    tables,
    indexes: rows.indexes.map((r) => mapIndex(r, names)).filter((i) => !skip(i.schema, i.table)),
    views: rows.views.map(mapView),
    functions: rows.functions.map(mapFunction),
    triggers: rows.triggers.map(mapTrigger).filter((t) => !skip(t.schema, t.table)),
    collations: rows.collations.map(mapCollation),
    rules: rows.rules.map(mapRule).filter((r) => !skip(r.schema, r.table)),
    grants: rows.grants
      .map(mapGrant)
      .filter(
        (g) =>
          !(g.objectKind === 'table' && skip(g.object.schema, g.object.name)) &&
          !(g.objectKind === 'sequence' && droppedSequence(g.object.schema, g.object.name)),
      ),
  });
}

/**
 * Reads the schema of the database behind `driver` into a normalised, deterministic snapshot, in
 * a fixed number of queries whatever the number of objects, all in one read-only REPEATABLE READ
 * transaction.
 *
 * @example
 * import { introspect, snapshotHash } from '@justscale/introspect';
 * const snapshot = await introspect(driver, { schemas: ['public'], privileges: true });
 * console.log(snapshot.tables.map((t) => t.name), snapshotHash(snapshot));
 */
export async function introspect(driver: Driver, options: IntrospectOptions = {}): Promise<Snapshot> {
  const resolved = resolveOptions(options);
  // PGlite has one connection: a second session would wait for the first, which waits for it.
  const rows =
    resolved.parallel && driver.name !== 'pglite'
      ? await readCatalogInParallel(driver, resolved)
      : await driver.transaction(async (tx) => {
          await tx.exec(TRANSACTION_SETUP);
          return readCatalog(tx, resolved);
        });
  return buildSnapshot(rows as CatalogRows & { schemas: Row[] }, resolved);
}
