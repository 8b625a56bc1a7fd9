/**
 * The schema snapshot: plain, readonly, JSON-serialisable data that describes a database schema.
 *
 * Snapshots are keyed by qualified name (`{ schema, name }`), never by OID. Introspection fills them
 * with PostgreSQL's canonical spellings (`format_type`, `pg_get_expr`, ...) so that a snapshot made
 * from models and one read from a database describing the same schema are equal (see `equal`).
 *
 * Conventions:
 * - Every optional attribute is present with an explicit "nothing" value (`null`, `false`, `[]`), so
 *   that two snapshots compare structurally; the factories in `factories.ts` fill them in.
 * - Names are raw (unquoted) identifiers. SQL fragments (defaults, expressions, view bodies) are in
 *   PostgreSQL's own deparsed spelling.
 * - Big numbers (sequence bounds) are decimal strings: they do not fit a JS number.
 */

import type { Dependency } from './dependencies.js';

/** A name inside a schema: `{ schema: 'public', name: 'users' }`. Never split on `.`. */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/**
 * A column or attribute type.
 *
 * Built-in types have `schema: 'pg_catalog'` and `name` in PostgreSQL's own spelling *with* their
 * modifiers, exactly as `format_type(oid, typmod)` prints it: `'character varying(200)'`,
 * `'numeric(10,2)'`, `'timestamp(3) with time zone'`, `'integer'`, `'text'`.
 * Other types (enums, domains, composites, extension types) have their schema and raw name, and any
 * type modifier separately in `modifiers` (e.g. `'(1536)'` for `vector(1536)`).
 */
export interface TypeRef {
  readonly schema: string;
  readonly name: string;
  /** Type modifiers of a non-built-in type, with parentheses, or null. */
  readonly modifiers: string | null;
  /** An array of the type. PostgreSQL does not enforce dimensions, so one flag is enough. */
  readonly array: boolean;
}

export interface SchemaDef {
  readonly name: string;
  readonly comment: string | null;
}

export interface Extension {
  readonly name: string;
  readonly schema: string;
  /** The installed version; null in a desired snapshot means "any version". */
  readonly version: string | null;
}

export interface EnumType extends QualifiedName {
  readonly values: readonly string[];
  readonly comment: string | null;
}

export interface DomainCheck {
  readonly name: string;
  /** The check's boolean expression as `pg_get_expr(conbin)` prints it, e.g. `(VALUE > 0)`. */
  readonly expression: string;
}

export interface Domain extends QualifiedName {
  readonly type: TypeRef;
  readonly collation: QualifiedName | null;
  readonly default: string | null;
  readonly notNull: boolean;
  readonly checks: readonly DomainCheck[];
  readonly comment: string | null;
}

export interface CompositeAttribute {
  readonly name: string;
  readonly type: TypeRef;
  readonly collation: QualifiedName | null;
}

export interface CompositeType extends QualifiedName {
  readonly attributes: readonly CompositeAttribute[];
  readonly comment: string | null;
}

/** Options shared by free sequences and identity columns. Numbers are decimal strings. */
export interface SequenceOptions {
  /** `'smallint' | 'integer' | 'bigint'`. */
  readonly type: 'smallint' | 'integer' | 'bigint';
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
}

export interface Sequence extends QualifiedName, SequenceOptions {
  /** `OWNED BY table.column` (not an identity column's own sequence, which is a column property). */
  readonly ownedBy: { readonly table: QualifiedName; readonly column: string } | null;
  readonly comment: string | null;
  /**
   * `CREATE UNLOGGED SEQUENCE` (PostgreSQL 15+). A serial's sequence is unlogged with its unlogged
   * table. Absent means logged; `normalizeSnapshot` drops `false`.
   */
  readonly unlogged?: boolean;
}

export interface Identity {
  readonly generation: 'ALWAYS' | 'BY DEFAULT';
  /** The sequence behind the identity column; its name is PostgreSQL's `<table>_<column>_seq` by default. */
  readonly sequence: SequenceOptions & { readonly name: string };
}

export interface Column {
  readonly name: string;
  readonly type: TypeRef;
  readonly notNull: boolean;
  /** Default expression as `pg_get_expr(adbin)` prints it, e.g. `now()`, `'active'::"UserStatus"`. */
  readonly default: string | null;
  readonly identity: Identity | null;
  /** A `GENERATED ALWAYS AS (expr) STORED` column's expression. */
  readonly generated: string | null;
  /** A collation other than the type's default. */
  readonly collation: QualifiedName | null;
  readonly comment: string | null;
  /**
   * The column comes only from the table's `INHERITS` parents (`attislocal = false`): `CREATE TABLE
   * ... INHERITS` does not list it, and it goes when its parents drop it. A column the child also
   * declares itself (merged) is local. Never set on partitions (PostgreSQL's `attislocal` there only
   * records whether the table was attached or created as a partition). Absent means local;
   * `normalizeSnapshot` drops `false`.
   */
  readonly inherited?: boolean;
  /**
   * `SET STATISTICS n` (`attstattarget`): the statistics target `ANALYZE` uses for the column.
   * Absent means the default (`-1`); `normalizeSnapshot` drops `-1`.
   */
  readonly statistics?: number;
  /** `SET STORAGE` other than the type's own (`attstorage` ≠ `typstorage`); absent when the same. */
  readonly storage?: ColumnStorage;
  /** `SET COMPRESSION` (PostgreSQL 14+; `attcompression`); absent means the server's default. */
  readonly compression?: ColumnCompression;
}

export type StorageMode = 'PLAIN' | 'MAIN' | 'EXTERNAL' | 'EXTENDED';

/**
 * A column's storage mode and its type's default. The default is kept with the mode because
 * PostgreSQL before 16 has no `SET STORAGE DEFAULT`: going back writes the type's mode by name.
 */
export interface ColumnStorage {
  readonly mode: StorageMode;
  readonly typeDefault: StorageMode;
}

export type ColumnCompression = 'pglz' | 'lz4';

export type ConstraintKind = 'primaryKey' | 'unique' | 'check' | 'foreignKey' | 'exclusion';

interface ConstraintBase {
  readonly name: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly comment: string | null;
}

export interface PrimaryKeyConstraint extends ConstraintBase {
  readonly kind: 'primaryKey';
  readonly columns: readonly string[];
  readonly include: readonly string[];
  /** `COMMENT ON INDEX` of the index PostgreSQL made for the constraint (same name); absent when none. */
  readonly indexComment?: string;
}

export interface UniqueConstraint extends ConstraintBase {
  readonly kind: 'unique';
  readonly columns: readonly string[];
  readonly include: readonly string[];
  /** `NULLS NOT DISTINCT` (PostgreSQL 15+). */
  readonly nullsNotDistinct: boolean;
  /** `COMMENT ON INDEX` of the index PostgreSQL made for the constraint (same name); absent when none. */
  readonly indexComment?: string;
}

export interface CheckConstraint extends ConstraintBase {
  readonly kind: 'check';
  /** The boolean expression as `pg_get_expr(conbin)` prints it, e.g. `(price > (0)::numeric)`. */
  readonly expression: string;
  readonly noInherit: boolean;
  /**
   * `NOT VALID`: added without checking the rows already there (`convalidated = false`). Absent
   * means valid; `normalizeSnapshot` drops `notValid: false`, so both spellings compare equal.
   */
  readonly notValid?: boolean;
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKeyConstraint extends ConstraintBase {
  readonly kind: 'foreignKey';
  readonly columns: readonly string[];
  readonly references: { readonly table: QualifiedName; readonly columns: readonly string[] };
  readonly match: 'SIMPLE' | 'FULL' | 'PARTIAL';
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  /** `ON DELETE SET NULL (cols)` / `SET DEFAULT (cols)` (PostgreSQL 15+); null for all columns. */
  readonly onDeleteColumns: readonly string[] | null;
  /** `NOT VALID` (see `CheckConstraint.notValid`). */
  readonly notValid?: boolean;
}

export interface ExclusionConstraint extends ConstraintBase {
  readonly kind: 'exclusion';
  /** The constraint as `pg_get_constraintdef` prints it, e.g. `EXCLUDE USING gist (room WITH =, during WITH &&)`. */
  readonly definition: string;
  /** `COMMENT ON INDEX` of the index PostgreSQL made for the constraint (same name); absent when none. */
  readonly indexComment?: string;
}

export type Constraint =
  | PrimaryKeyConstraint
  | UniqueConstraint
  | CheckConstraint
  | ForeignKeyConstraint
  | ExclusionConstraint;

export type PolicyCommand = 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

export interface Policy {
  readonly name: string;
  readonly permissive: boolean;
  readonly command: PolicyCommand;
  /** Role names; `['public']` when the policy applies to everyone. Sorted. */
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly withCheck: string | null;
  readonly comment: string | null;
}

export type PartitionStrategy = 'RANGE' | 'LIST' | 'HASH';

/**
 * What logical replication writes to identify an updated or deleted row: the primary key
 * (`DEFAULT`), every column (`FULL`), nothing (`NOTHING`), or a unique index's columns.
 */
export type ReplicaIdentity = 'DEFAULT' | 'FULL' | 'NOTHING' | { readonly index: string };

export interface Table extends QualifiedName {
  readonly columns: readonly Column[];
  readonly constraints: readonly Constraint[];
  readonly policies: readonly Policy[];
  readonly unlogged: boolean;
  readonly rowSecurity: boolean;
  readonly forceRowSecurity: boolean;
  /** `PARTITION BY` of a partitioned table, as `pg_get_partkeydef` prints it: `RANGE (created_at)`. */
  readonly partitionBy: string | null;
  /** For a partition: its parent and bound as `pg_get_expr(relpartbound)` prints it (`FOR VALUES ...`, `DEFAULT`). */
  readonly partitionOf: { readonly parent: QualifiedName; readonly bound: string } | null;
  /** Parents of a table created with `INHERITS`, in order. */
  readonly inherits: readonly QualifiedName[];
  /** Storage parameters (`WITH (fillfactor=70)`), keys sorted. */
  readonly options: Readonly<Record<string, string>>;
  readonly comment: string | null;
  /**
   * `REPLICA IDENTITY` (`relreplident`). Absent means `DEFAULT`; `normalizeSnapshot` drops
   * `'DEFAULT'`, so both spellings compare equal.
   */
  readonly replicaIdentity?: ReplicaIdentity;
  /** The index `CLUSTER ON` marked (`indisclustered`), in the table's schema; absent when none. */
  readonly clusterOn?: string;
}

export type IndexMethod = 'btree' | 'hash' | 'gin' | 'gist' | 'brin' | 'spgist' | (string & {});

export interface IndexKey {
  /** A plain column, or null for an expression key. */
  readonly column: string | null;
  /** An expression key as `pg_get_indexdef` prints it (without the outer parentheses), or null. */
  readonly expression: string | null;
  readonly collation: QualifiedName | null;
  /** A non-default operator class, e.g. `{ schema: 'pg_catalog', name: 'jsonb_path_ops' }`. */
  readonly opclass: QualifiedName | null;
  readonly descending: boolean;
  /** Explicit always: `false` for ASC (NULLS LAST) and `true` for DESC (NULLS FIRST) by default. */
  readonly nullsFirst: boolean;
}

/** An index. It lives in its table's schema, so `table` is a bare name. */
export interface Index extends QualifiedName {
  readonly table: string;
  readonly unique: boolean;
  readonly method: IndexMethod;
  readonly keys: readonly IndexKey[];
  readonly include: readonly string[];
  readonly where: string | null;
  readonly nullsNotDistinct: boolean;
  /** Storage parameters (`WITH (fastupdate=off)`), keys sorted. */
  readonly options: Readonly<Record<string, string>>;
  readonly comment: string | null;
}

export interface View extends QualifiedName {
  readonly materialized: boolean;
  /** The query as `pg_get_viewdef(oid, true)` prints it. */
  readonly definition: string;
  /** Explicit column names, or empty when they come from the query. */
  readonly columns: readonly string[];
  readonly checkOption: 'LOCAL' | 'CASCADED' | null;
  readonly securityBarrier: boolean;
  readonly securityInvoker: boolean;
  /** Column comments, by column name. */
  readonly columnComments: Readonly<Record<string, string>>;
  readonly comment: string | null;
  /**
   * A materialized view's storage parameters (`WITH (fillfactor=70)`), keys sorted. Absent means
   * none; `normalizeSnapshot` drops an empty record.
   */
  readonly options?: Readonly<Record<string, string>>;
}

export type Volatility = 'IMMUTABLE' | 'STABLE' | 'VOLATILE';

export interface FunctionDef extends QualifiedName {
  readonly kind: 'function' | 'procedure';
  /** Arguments as `pg_get_function_arguments` prints them (with names and defaults). */
  readonly arguments: string;
  /** Argument types only, as `pg_get_function_identity_arguments` prints them: part of the key. */
  readonly identityArguments: string;
  /** `pg_get_function_result`, e.g. `trigger`, `SETOF integer`, `TABLE(a integer)`; null for procedures. */
  readonly returns: string | null;
  readonly language: string;
  readonly volatility: Volatility;
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  readonly leakproof: boolean;
  readonly parallel: 'SAFE' | 'RESTRICTED' | 'UNSAFE';
  /** `SET` clauses (`search_path=public`), sorted. */
  readonly config: readonly string[];
  /**
   * The body: `prosrc`, or for a SQL-standard body (`sqlStandard`) the `BEGIN ATOMIC ... END` or
   * `RETURN expr` that `pg_get_function_sqlbody` prints.
   */
  readonly body: string;
  /**
   * A SQL-standard body (PostgreSQL 14+): parsed and bound when created, written without `AS`.
   * Absent means a string body; `normalizeSnapshot` drops `false`.
   */
  readonly sqlStandard?: boolean;
  readonly comment: string | null;
}

/**
 * A user-defined collation (`CREATE COLLATION`). The library version PostgreSQL records
 * (`collversion`) is the server's, not the schema's: it is not part of the snapshot.
 */
export interface Collation extends QualifiedName {
  /** `libc`, `icu`, or `builtin` (PostgreSQL 17+). */
  readonly provider: 'libc' | 'icu' | 'builtin';
  /** The ICU or builtin locale (`colliculocale` / `colllocale`); null for libc. */
  readonly locale: string | null;
  /** `LC_COLLATE` and `LC_CTYPE` of a libc collation; null for the other providers. */
  readonly lcCollate: string | null;
  readonly lcCtype: string | null;
  /** False for a nondeterministic collation (`deterministic = false`, ICU only). */
  readonly deterministic: boolean;
  /** ICU tailoring rules (`rules = '...'`, PostgreSQL 16+); null when none. */
  readonly icuRules: string | null;
  readonly comment: string | null;
}

/**
 * A rewrite rule (`CREATE RULE`) on a table or view, other than a view's own `_RETURN` rule. It
 * lives in its table's schema.
 */
export interface Rule {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /**
   * What follows `CREATE RULE name AS` in `pg_get_ruledef(oid, true)`, without the final `;`:
   * `ON INSERT TO public.t DO INSTEAD NOTHING`.
   */
  readonly definition: string;
  readonly comment: string | null;
}

export type TriggerEvent = 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE';

/** A trigger on a table or view; it lives in its table's schema. */
export interface Trigger {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  /** In PostgreSQL's order: INSERT, UPDATE, DELETE, TRUNCATE. */
  readonly events: readonly TriggerEvent[];
  /** `UPDATE OF` columns. */
  readonly updateColumns: readonly string[];
  readonly level: 'ROW' | 'STATEMENT';
  readonly when: string | null;
  readonly function: QualifiedName;
  readonly arguments: readonly string[];
  /** A constraint trigger (`CREATE CONSTRAINT TRIGGER`). */
  readonly constraint: boolean;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly comment: string | null;
}

export type GrantObjectKind = 'schema' | 'table' | 'sequence' | 'function';

/** One grantee's privileges on one object (opt-in: introspection reads them only when asked). */
export interface Grant {
  readonly objectKind: GrantObjectKind;
  /** For a schema, `name` is the schema and `schema` is the same; for a function, `arguments` identifies it. */
  readonly object: QualifiedName & { readonly arguments?: string };
  readonly grantee: string;
  /** Privilege keywords, sorted: `['INSERT', 'SELECT']`. */
  readonly privileges: readonly string[];
  readonly grantable: boolean;
}

/** A whole schema. Every list is sorted by its key (see `normalize`). */
export interface Snapshot {
  /**
   * What each view, default, check, index, policy, trigger, rule and SQL-body routine depends on,
   * as introspection reads it from `pg_depend` / `pg_rewrite`. Absent in snapshots built from
   * models; never part of equality (see `dependencies.ts`).
   */
  readonly dependencies?: readonly Dependency[];
  readonly schemas: readonly SchemaDef[];
  readonly extensions: readonly Extension[];
  readonly enums: readonly EnumType[];
  readonly domains: readonly Domain[];
  readonly compositeTypes: readonly CompositeType[];
  readonly sequences: readonly Sequence[];
  readonly tables: readonly Table[];
  readonly indexes: readonly Index[];
  readonly views: readonly View[];
  readonly functions: readonly FunctionDef[];
  readonly triggers: readonly Trigger[];
  readonly grants: readonly Grant[];
  /** User-defined collations. Absent means none; `normalizeSnapshot` drops an empty list. */
  readonly collations?: readonly Collation[];
  /** Rewrite rules. Absent means none; `normalizeSnapshot` drops an empty list. */
  readonly rules?: readonly Rule[];
}
