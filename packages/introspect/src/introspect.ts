import { type Driver, forEachRowOfScript, type Queryable, type ScriptStatement } from '@justscale/driver';
import type { Snapshot } from '@justscale/schema';
import { type PerSchemaQuery, SnapshotBuilder } from './build.js';
import type { Row } from './map/rows.js';
import type { NotModelled } from './not-modelled.js';
import { type IntrospectOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { loadQuery, type QueryName } from './queries.js';

/**
 * Settings under which deparsed text does not depend on the caller's session: a search_path that
 * makes every user object schema-qualified, and the time zone and date/interval styles that decide
 * how timestamp, date and interval constants in defaults and expressions are printed.
 */
export const SESSION_SETTINGS: readonly string[] = [
  'SET LOCAL search_path = pg_catalog',
  'SET LOCAL "TimeZone" = \'UTC\'',
  'SET LOCAL "DateStyle" = \'ISO, MDY\'',
  'SET LOCAL "IntervalStyle" = \'postgres\'',
];

/**
 * The statements that open introspection's transaction: one consistent, read-only view of the
 * catalog, and a search_path under which every deparsed expression and view body schema-qualifies
 * the user objects it names (so the result does not depend on the caller's search_path).
 */
export const TRANSACTION_SETUP: readonly string[] = [
  'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY',
  ...SESSION_SETTINGS,
];

/**
 * The catalog queries run after `version` and `schemas`, each with the schema OIDs as `$1` (but
 * `lookups`). `dependencies` comes last (after `grants` too): the planner settings it runs under
 * hold until the transaction ends.
 */
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
] as const satisfies readonly (QueryName & PerSchemaQuery)[];

/**
 * Planner settings set (`SET LOCAL`) just before a query. `dependencies` joins tens of thousands of
 * pg_depend rows to as many named objects, two CTEs the planner has no statistics for: it picks
 * merge joins that sort (and spill) the named objects, or nested loops, where hash joins take about
 * two thirds of the time (at 1,000 tables). Only there: the other queries probe indexes for good
 * reason, and under these settings some take ten times longer.
 */
const PLANNER_SETTINGS: Partial<Record<PerSchemaQuery, readonly string[]>> = {
  dependencies: [
    'SET LOCAL enable_nestloop = off',
    'SET LOCAL enable_mergejoin = off',
    "SET LOCAL work_mem = '64MB'",
  ],
};

/** A catalog query run after `version` and `schemas`: the snapshot's, or the objects it leaves out. */
type CatalogQuery = PerSchemaQuery | 'not-modelled';

/** What the first two queries establish: the server's version and the schemas to read. */
export interface CatalogHead {
  /** `server_version_num`. */
  readonly version: number;
  readonly major: number;
  /** The introspected schemas' OIDs, comma-separated: `$1` of the per-schema queries. */
  readonly oids: string;
  readonly schemas: Row[];
}

/**
 * Runs `setup` (`TRANSACTION_SETUP` or `SESSION_SETTINGS`) and `version` on `q`, as one script, then
 * `schemas`.
 */
async function readHead(
  q: Queryable,
  options: ResolvedOptions,
  setup: readonly string[],
): Promise<CatalogHead> {
  let version = Number.NaN;
  await forEachRowOfScript(q, [
    ...setup.map((sql) => ({ sql })),
    { sql: loadQuery('version', 0), onRow: (row) => (version = Number(row.version_num)) },
  ]);
  const major = Math.floor(version / 10000);
  const schemas = await q.query(loadQuery('schemas', major), [
    options.schemas === null ? null : JSON.stringify(options.schemas),
    JSON.stringify(options.excludeSchemas),
  ]);
  return { version, major, oids: schemas.rows.map((r) => String(r.oid)).join(','), schemas: schemas.rows };
}

/** The catalog queries to run after the head for these options (`dependencies` last). */
function queryList(options: ResolvedOptions, notModelled: boolean): CatalogQuery[] {
  return [
    ...PER_SCHEMA_QUERIES,
    ...(notModelled ? (['not-modelled'] as const) : []),
    ...(options.privileges ? (['grants'] as const) : []),
    'dependencies',
  ];
}

/** Where a read's rows go: the snapshot's to its builder, the objects not modelled to their list. */
interface Destination {
  readonly builder: SnapshotBuilder;
  readonly notModelled: NotModelled[];
}

/**
 * Runs some of the per-schema queries on `q`, in this order, as one script (`forEachRowOfScript`: one
 * round trip where the driver can send them together, so the server goes from one query to the next
 * without waiting for this process), handing each row to `builder` as it arrives: raw rows are not
 * held. The schema OIDs are written into the queries' text (a script has no parameters); they are the
 * server's own numbers, checked to be digits.
 */
async function readQueries(
  q: Queryable,
  names: readonly CatalogQuery[],
  head: CatalogHead,
  { builder, notModelled }: Destination,
): Promise<void> {
  if (!/^[0-9]+(,[0-9]+)*$|^$/.test(head.oids))
    throw new Error(`introspect: unexpected schema OIDs '${head.oids}'`);
  const oids = `'${head.oids}'::pg_catalog.text`;
  const statements: ScriptStatement[] = [];
  for (const name of names) {
    const sql = loadQuery(name, head.major).replaceAll('$1::pg_catalog.text', oids);
    if (name === 'not-modelled') {
      statements.push({
        sql,
        onRow: (row) => notModelled.push({ kind: String(row.kind), name: String(row.name) }),
      });
      continue;
    }
    for (const setting of PLANNER_SETTINGS[name] ?? []) statements.push({ sql: setting });
    // The sink is taken when the query's rows start, as the queries before it have ended: rows are
    // held only for a query whose rows need another's that has not ended (see `SnapshotBuilder`).
    let sink: ((row: Row) => void) | undefined;
    statements.push({
      sql,
      onRow: (row) => {
        sink ??= builder.sink(name);
        sink(row);
      },
      onEnd: () => builder.done(name),
    });
  }
  await forEachRowOfScript(q, statements);
}

/** What `introspectCatalog` reads, in one transaction. */
export interface Catalog {
  readonly snapshot: Snapshot;
  /** The objects of kinds JustScale does not model (see `objectsNotModelled`). */
  readonly notModelled: NotModelled[];
  /** The server's `server_version_num`. */
  readonly serverVersion: number;
}

/**
 * Reads the catalog on `q`, inside a transaction that `setup` (`TRANSACTION_SETUP`, run first) makes
 * a read-only snapshot with introspection's settings, into a snapshot (and the objects it leaves
 * out, when asked). The number of queries depends only on the options, never on the schema.
 */
async function readCatalog(
  q: Queryable,
  options: ResolvedOptions,
  setup: readonly string[],
  withNotModelled: boolean,
): Promise<Catalog> {
  const head = await readHead(q, options, setup);
  const into: Destination = { builder: new SnapshotBuilder(options, head.schemas), notModelled: [] };
  await readQueries(q, queryList(options, withNotModelled), head, into);
  return catalogOf(into, head);
}

/** The read's result, once every query has ended. */
function catalogOf(into: Destination, head: CatalogHead): Catalog {
  return { snapshot: into.builder.finish(), notModelled: into.notModelled, serverVersion: head.version };
}

/** `readCatalog`'s snapshot alone (for `introspectWithin`). */
export async function readSnapshot(
  q: Queryable,
  options: ResolvedOptions,
  setup: readonly string[],
): Promise<Snapshot> {
  return (await readCatalog(q, options, setup, false)).snapshot;
}

/**
 * How the per-schema queries split over three sessions. At 1,000 tables four queries are most of the
 * server's time: columns, constraints and indexes stay on the first session, one after the other,
 * because constraints and indexes name their columns from the columns' rows (read elsewhere, they
 * arrived first and were held, thousands of rows promoted by the garbage collector); dependencies
 * runs alone on the second, under its own planner settings; the small queries share the third. Three
 * backends keep the server busy while this process maps the rows that arrived (`schema diff` of
 * 1,000 tables: 0.91x the wall time of two sessions, paired, and then 0.93x the CPU with the
 * column-naming queries together).
 */
const FIRST_SESSION: ReadonlySet<CatalogQuery> = new Set([
  'lookups',
  'tables',
  'columns',
  'constraints',
  'indexes',
]);
const ALONE: ReadonlySet<CatalogQuery> = new Set(['dependencies']);

/** `names` in the order each session runs them: the first session's, then the other two's. */
function sessionQueries(names: readonly CatalogQuery[]): [CatalogQuery[], CatalogQuery[][]] {
  return [
    names.filter((n) => FIRST_SESSION.has(n)),
    [names.filter((n) => ALONE.has(n)), names.filter((n) => !FIRST_SESSION.has(n) && !ALONE.has(n))],
  ];
}

/**
 * Why the catalog cannot be read over several sessions here: another session could not be opened
 * (a role's or the server's connection limit), or the snapshot could not be exported or adopted (a
 * standby in some versions, a proxy that sends sessions to different servers). The read falls back
 * to one session, which needs neither.
 */
class SharedSnapshotUnavailable extends Error {
  constructor(step: string, cause: unknown) {
    super(`introspect: ${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** `promise`, its rejection as a `SharedSnapshotUnavailable` for `step`. */
async function orUnavailable<T>(step: string, promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw new SharedSnapshotUnavailable(step, error);
  }
}

/**
 * The catalog read by three sessions at once that share one snapshot: the first exports it
 * (`pg_export_snapshot()`), the others adopt it (`SET TRANSACTION SNAPSHOT`) before their first query.
 * Throws `SharedSnapshotUnavailable` when a session cannot be opened or the snapshot shared.
 */
async function readInParallel(
  driver: Driver,
  options: ResolvedOptions,
  withNotModelled: boolean,
): Promise<Catalog> {
  const [mine, theirs] = sessionQueries(queryList(options, withNotModelled));
  return driver.transaction(async (first) => {
    // The other connections are opened (and left idle in the pool) while the first reads the head;
    // only once the first has its own, so that a limit of one connection refuses only these.
    const early = Promise.allSettled(theirs.map(() => driver.session(async () => {})));
    const head = await readHead(first, options, TRANSACTION_SETUP);
    const refused = (await early).find((opened) => opened.status === 'rejected');
    if (refused !== undefined) throw new SharedSnapshotUnavailable('opening a session', refused.reason);
    const exported = await orUnavailable(
      'exporting the snapshot',
      first.query<{ id: string }>('SELECT pg_catalog.pg_export_snapshot() AS id'),
    );
    const id = String(exported.rows[0]?.id);
    if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`introspect: unexpected snapshot id '${id}'`);
    const into: Destination = { builder: new SnapshotBuilder(options, head.schemas), notModelled: [] };
    const others = theirs.map(async (names) => {
      let opened = false;
      try {
        await driver.transaction(async (tx) => {
          opened = true;
          await orUnavailable(
            'adopting the snapshot',
            tx.exec([...TRANSACTION_SETUP, `SET TRANSACTION SNAPSHOT '${id}'`].join('; ')),
          );
          await readQueries(tx, names, head, into);
        });
      } catch (error) {
        throw opened ? error : new SharedSnapshotUnavailable('opening a session', error);
      }
    });
    const reading = readQueries(first, mine, head, into);
    // Every session is settled before the first one's transaction ends, whichever failed.
    const failures = (await Promise.allSettled([reading, ...others]))
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as unknown);
    if (failures.length > 0)
      throw failures.find((e) => e instanceof SharedSnapshotUnavailable) ?? failures[0];
    return catalogOf(into, head);
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
  return (await read(driver, resolveOptions(options), false)).snapshot;
}

/**
 * `introspect`, and in the same transaction the objects it leaves out (`objectsNotModelled`) and the
 * server's version: what a command comparing two databases prints besides the plan, without a round
 * trip of its own.
 *
 * @example
 * const { snapshot, notModelled, serverVersion } = await introspectCatalog(driver, { privileges: true });
 */
export async function introspectCatalog(driver: Driver, options: IntrospectOptions = {}): Promise<Catalog> {
  return read(driver, resolveOptions(options), true);
}

async function read(driver: Driver, resolved: ResolvedOptions, withNotModelled: boolean): Promise<Catalog> {
  const inOneSession = () =>
    driver.transaction((tx) => readCatalog(tx, resolved, TRANSACTION_SETUP, withNotModelled));
  // Over one connection (PGlite, a pg Client, a pool of one) a second session would wait for the
  // first, which waits for it.
  if (!resolved.parallel || driver.name === 'pglite' || (driver.maxSessions ?? 2) < 2) return inOneSession();
  try {
    return await readInParallel(driver, resolved, withNotModelled);
  } catch (error) {
    if (error instanceof SharedSnapshotUnavailable) return inOneSession();
    throw error;
  }
}
