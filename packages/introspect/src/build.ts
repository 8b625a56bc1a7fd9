import {
  type Collation,
  type Column,
  type CompositeType,
  type Constraint,
  type Dependency,
  type Domain,
  deepFreeze,
  type EnumType,
  type Extension,
  type FunctionDef,
  type Grant,
  type Index,
  normalizeSnapshot,
  type ObjectRef,
  type Policy,
  type Rule,
  type SchemaDef,
  type Sequence,
  type Snapshot,
  type Trigger,
  type TypeRef,
  type View,
} from '@justscale/schema';
import { mapDependency, type RefCache, tableOfRef } from './map/dependencies.js';
import { type CatalogNameBuilder, catalogNameBuilder } from './map/names.js';
import { mapIndex, mapView } from './map/relations.js';
import { mapFunction, mapGrant, mapTrigger } from './map/routines.js';
import type { Row } from './map/rows.js';
import { mapCollation, mapRule } from './map/rules.js';
import { groupByTable, mapColumn, mapConstraint, mapPolicy, mapSequence, mapTable } from './map/tables.js';
import { mapComposite, mapDomain, mapEnum } from './map/types.js';
import type { ResolvedOptions } from './options.js';

/** The per-schema catalog queries, by the name of their `.sql` file. */
export type PerSchemaQuery =
  | 'lookups'
  | 'extensions'
  | 'enums'
  | 'domains'
  | 'composites'
  | 'sequences'
  | 'tables'
  | 'columns'
  | 'constraints'
  | 'indexes'
  | 'views'
  | 'functions'
  | 'triggers'
  | 'policies'
  | 'collations'
  | 'rules'
  | 'dependencies'
  | 'grants';

/** What a query's rows are mapped with: names from `columns` and `lookups` for some of them. */
const NEEDS: Partial<Record<PerSchemaQuery, readonly PerSchemaQuery[]>> = {
  columns: ['lookups'],
  constraints: ['lookups', 'columns'],
  indexes: ['lookups', 'columns'],
};

/** Rows of a query that must wait for others, and whether the last of them arrived. */
interface Held {
  readonly rows: Row[];
  complete: boolean;
}

// Longer text (view bodies, expressions, function bodies) is rarely repeated: not worth a lookup.
const INTERNED_LENGTH = 128;

/** The one instance `seen` holds of `v` (a short string becomes that instance the first time). */
function interned(v: string, seen: Map<string, string>): string {
  const known = seen.get(v);
  if (known !== undefined) return known;
  if (v.length <= INTERNED_LENGTH) seen.set(v, v);
  return v;
}

/**
 * Replaces each short string value of `row`'s `keys` (default: all of them) by the one instance
 * `seen` holds of it, so the many copies the driver decodes of a schema, table, column or type name
 * become one string.
 */
function internRow(row: Row, seen: Map<string, string>, keys: readonly string[] = Object.keys(row)): void {
  for (const key of keys) {
    const v = row[key];
    if (typeof v === 'string' && v.length <= INTERNED_LENGTH) row[key] = interned(v, seen);
  }
}

/**
 * For the queries with many rows, the columns whose text a node keeps and that other nodes or rows
 * repeat (schema, table, column and type names, common defaults and checks, a constraint's name that
 * its index and the dependencies repeat): only these are interned. The other columns are read and
 * dropped (codes, OIDs, `format_type` text behind a shared type reference) or are rarely equal
 * (comments). `dependencies` interns the strings of each new reference only (`mapDependency`): most
 * rows name objects already seen. The other queries have a few rows each: every column is interned.
 * (At 5,000 tables the snapshot retains the same heap as with every column interned: 44 MB.)
 */
const INTERNED: Partial<Record<PerSchemaQuery, readonly string[]>> = {
  tables: ['schema', 'name'],
  columns: ['name', 'type_schema', 'type_name', 'default'],
  constraints: ['name', 'ref_schema', 'ref_table', 'expression'],
  indexes: ['schema', 'name', 'table', 'method'],
  dependencies: [],
};

/**
 * Builds the snapshot while the catalog rows arrive: each query's rows are mapped as soon as what
 * they are named from is there (`columns` and `constraints`/`indexes` wait for `lookups` and
 * `columns`), into frozen nodes in canonical form, and the rows can be dropped. `finish` assembles
 * the tables and leaves out the migrations table; `normalizeSnapshot` then sorts without copying.
 */
export class SnapshotBuilder {
  readonly #skip: ResolvedOptions['isMigrationsTable'];
  readonly #schemas: SchemaDef[];
  readonly #strings = new Map<string, string>();
  readonly #types = new Map<string, TypeRef>();
  readonly #refs = new Map<string, ObjectRef>();
  readonly #refCache: RefCache = {
    refs: this.#refs,
    intern: (v) => interned(v, this.#strings),
  };
  readonly #names: CatalogNameBuilder = catalogNameBuilder();
  readonly #done = new Set<PerSchemaQuery>();
  readonly #waiting = new Map<PerSchemaQuery, Held>();
  #tableRows: Row[] = [];
  readonly #columns = new Map<number, Column[]>();
  readonly #constraints = new Map<number, Constraint[]>();
  readonly #policies = new Map<number, Policy[]>();
  readonly #extensions: Extension[] = [];
  readonly #enums: EnumType[] = [];
  readonly #domains: Domain[] = [];
  readonly #composites: CompositeType[] = [];
  readonly #sequences: Sequence[] = [];
  readonly #indexes: Index[] = [];
  readonly #views: View[] = [];
  readonly #functions: FunctionDef[] = [];
  readonly #triggers: Trigger[] = [];
  readonly #collations: Collation[] = [];
  readonly #rules: Rule[] = [];
  readonly #dependencies: Dependency[] = [];
  readonly #grants: Grant[] = [];

  constructor(options: ResolvedOptions, schemas: readonly Row[]) {
    this.#skip = options.isMigrationsTable;
    this.#schemas = schemas.map((r) =>
      deepFreeze({ name: String(r.name), comment: (r.comment as string | null) ?? null }),
    );
  }

  /**
   * Where one query's rows go, one by one as they arrive: mapped at once and dropped, or held
   * until what they are named from is there (only when several sessions read at once). Call `done`
   * after the last row.
   */
  sink(name: PerSchemaQuery): (row: Row) => void {
    if (this.#ready(name)) return (row) => this.#mapRow(name, row);
    const held: Held = { rows: [], complete: false };
    this.#waiting.set(name, held);
    return (row) => {
      held.rows.push(row);
    };
  }

  /** Marks `name`'s rows complete; maps the rows held for queries that can now be mapped. */
  done(name: PerSchemaQuery): void {
    const held = this.#waiting.get(name);
    if (held === undefined) this.#done.add(name);
    else held.complete = true;
    for (const [waiting, rows] of this.#waiting) {
      if (rows.complete && this.#ready(waiting)) {
        this.#waiting.delete(waiting);
        for (const row of rows.rows) this.#mapRow(waiting, row);
        this.#done.add(waiting);
        this.done(waiting);
        return;
      }
    }
  }

  #ready(name: PerSchemaQuery): boolean {
    return (NEEDS[name] ?? []).every((n) => this.#done.has(n));
  }

  #mapRow(name: PerSchemaQuery, row: Row): void {
    const columns = INTERNED[name];
    if (columns === undefined || columns.length > 0) internRow(row, this.#strings, columns);
    const names = this.#names.names;
    switch (name) {
      case 'lookups':
        this.#names.addLookup(row);
        return;
      case 'columns': {
        const column = deepFreeze(mapColumn(row, names, this.#types));
        groupByTable(this.#columns, row, column);
        this.#names.addColumn(row, column.name);
        return;
      }
      case 'constraints':
        groupByTable(this.#constraints, row, deepFreeze(mapConstraint(row, names)));
        return;
      case 'policies':
        groupByTable(this.#policies, row, deepFreeze(mapPolicy(row)));
        return;
      case 'tables':
        this.#tableRows.push(row);
        return;
      case 'extensions':
        this.#extensions.push(
          deepFreeze({
            name: String(row.name),
            schema: String(row.schema),
            version: (row.version as string | null) ?? null,
          }),
        );
        return;
      case 'enums':
        this.#enums.push(deepFreeze(mapEnum(row)));
        return;
      case 'domains':
        this.#domains.push(deepFreeze(mapDomain(row)));
        return;
      case 'composites':
        this.#composites.push(deepFreeze(mapComposite(row)));
        return;
      case 'sequences':
        this.#sequences.push(deepFreeze(mapSequence(row)));
        return;
      case 'indexes':
        this.#indexes.push(deepFreeze(mapIndex(row, names)));
        return;
      case 'views':
        this.#views.push(deepFreeze(mapView(row)));
        return;
      case 'functions':
        this.#functions.push(deepFreeze(mapFunction(row)));
        return;
      case 'triggers':
        this.#triggers.push(deepFreeze(mapTrigger(row)));
        return;
      case 'collations':
        this.#collations.push(deepFreeze(mapCollation(row)));
        return;
      case 'rules':
        this.#rules.push(deepFreeze(mapRule(row)));
        return;
      case 'dependencies':
        this.#dependencies.push(mapDependency(row, this.#refCache));
        return;
      case 'grants':
        this.#grants.push(deepFreeze(mapGrant(row)));
        return;
    }
  }

  /** The snapshot, normalised; call once every query's rows were added. */
  finish(): Snapshot {
    if (this.#waiting.size > 0) {
      throw new Error(`introspect: rows of ${[...this.#waiting.keys()].join(', ')} never mapped`);
    }
    const skip = this.#skip;
    const tables = [];
    for (const row of this.#tableRows) {
      const table = deepFreeze(mapTable(row, this.#columns, this.#constraints, this.#policies));
      if (!skip(table.schema, table.name)) tables.push(table);
    }
    this.#tableRows = [];
    this.#refs.clear();
    this.#types.clear();
    this.#strings.clear();
    const sequences = this.#sequences.filter(
      (s) => s.ownedBy === null || !skip(s.ownedBy.table.schema, s.ownedBy.table.name),
    );
    const dropped = new Set(
      this.#sequences.filter((s) => !sequences.includes(s)).map((s) => `${s.schema}\u0000${s.name}`),
    );
    const skipRef = (r: { schema: string }, table: string | null): boolean =>
      table !== null && skip(r.schema, table);
    const keep = <T>(items: T[], drop: (item: T) => boolean): T[] =>
      items.some(drop) ? items.filter((x) => !drop(x)) : items;
    return normalizeSnapshot({
      dependencies: Object.freeze(
        keep(
          this.#dependencies,
          (d) => skipRef(d.from, tableOfRef(d.from)) || skipRef(d.on, tableOfRef(d.on)),
        ),
      ),
      schemas: Object.freeze(this.#schemas),
      extensions: Object.freeze(this.#extensions),
      enums: Object.freeze(this.#enums),
      domains: Object.freeze(this.#domains),
      compositeTypes: Object.freeze(this.#composites),
      sequences: Object.freeze(sequences),
      tables: Object.freeze(tables),
      indexes: Object.freeze(keep(this.#indexes, (i) => skip(i.schema, i.table))),
      views: Object.freeze(this.#views),
      functions: Object.freeze(this.#functions),
      triggers: Object.freeze(keep(this.#triggers, (t) => skip(t.schema, t.table))),
      collations: Object.freeze(this.#collations),
      rules: Object.freeze(keep(this.#rules, (r) => skip(r.schema, r.table))),
      grants: Object.freeze(
        keep(
          this.#grants,
          (g) =>
            (g.objectKind === 'table' && skip(g.object.schema, g.object.name)) ||
            (g.objectKind === 'sequence' && dropped.has(`${g.object.schema}\u0000${g.object.name}`)),
        ),
      ),
    });
  }
}
