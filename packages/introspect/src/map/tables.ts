import type {
  Column,
  ColumnCompression,
  ColumnStorage,
  Constraint,
  Identity,
  Policy,
  PolicyCommand,
  QualifiedName,
  ReferentialAction,
  ReplicaIdentity,
  Sequence,
  SequenceOptions,
  StorageMode,
  Table,
  TypeRef,
} from '@justscale/schema';
import type { CatalogNames } from './names.js';
import { bool, json, num, numbers, options, optName, optStr, type Row, str } from './rows.js';
import { typeRef } from './types.js';

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

const MATCH: Record<string, 'SIMPLE' | 'FULL' | 'PARTIAL'> = { s: 'SIMPLE', f: 'FULL', p: 'PARTIAL' };

const COMMANDS: Record<string, PolicyCommand> = {
  '*': 'ALL',
  r: 'SELECT',
  a: 'INSERT',
  w: 'UPDATE',
  d: 'DELETE',
};

function lookup<V>(table: Record<string, V>, key: string, what: string): V {
  const v = table[key];
  if (v === undefined) throw new TypeError(`introspect: unknown ${what} '${key}'`);
  return v;
}

function sequenceType(name: string): SequenceOptions['type'] {
  if (name === 'smallint' || name === 'integer' || name === 'bigint') return name;
  throw new TypeError(`introspect: unexpected sequence type '${name}'`);
}

function identity(row: Row): Identity | null {
  const id = json<Row | null>(row, 'identity', null);
  if (id === null) return null;
  return {
    generation: id.generation === 'a' ? 'ALWAYS' : 'BY DEFAULT',
    sequence: {
      name: str(id, 'name'),
      type: sequenceType(str(id, 'type')),
      start: str(id, 'start'),
      increment: str(id, 'increment'),
      minValue: str(id, 'min'),
      maxValue: str(id, 'max'),
      cache: str(id, 'cache'),
      cycle: bool(id, 'cycle'),
    },
  };
}

export function mapColumn(row: Row, names: CatalogNames, types?: Map<string, TypeRef>): Column {
  const collation = row.column_collation;
  return {
    name: str(row, 'name'),
    type: typeRef(row, types),
    notNull: bool(row, 'not_null'),
    default: optStr(row, 'default'),
    identity: identity(row),
    generated: optStr(row, 'generated'),
    collation: collation === null || collation === undefined ? null : names.collation(Number(collation)),
    comment: optStr(row, 'comment'),
    ...(bool(row, 'inherited') ? { inherited: true } : {}),
    ...columnAttributes(row),
  };
}

const STORAGE: Record<string, StorageMode> = { p: 'PLAIN', m: 'MAIN', e: 'EXTERNAL', x: 'EXTENDED' };
const COMPRESSION: Record<string, ColumnCompression> = { p: 'pglz', l: 'lz4' };

/** Statistics target, storage and compression, present only when not the default (see `Column`). */
function columnAttributes(row: Row): Pick<Column, 'statistics' | 'storage' | 'compression'> {
  const out: { statistics?: number; storage?: ColumnStorage; compression?: ColumnCompression } = {};
  const statistics = row.statistics;
  if (statistics !== null && statistics !== undefined && Number(statistics) !== -1)
    out.statistics = Number(statistics);
  const storage = str(row, 'storage');
  const typeStorage = str(row, 'type_storage');
  if (storage !== typeStorage)
    out.storage = {
      mode: lookup(STORAGE, storage, 'storage mode'),
      typeDefault: lookup(STORAGE, typeStorage, 'storage mode'),
    };
  const compression = optStr(row, 'compression') ?? '';
  if (compression !== '') out.compression = lookup(COMPRESSION, compression, 'compression method');
  return out;
}

export function mapConstraint(row: Row, names: CatalogNames): Constraint {
  const table = num(row, 'table_oid');
  const named = (key: string, of = table): string[] => numbers(row, key).map((n) => names.column(of, n));
  const name = str(row, 'name');
  const deferrable = bool(row, 'deferrable');
  const initiallyDeferred = bool(row, 'initially_deferred');
  const comment = optStr(row, 'comment');
  const columns = named('columns');
  const include = numbers(row, 'index_keys')
    .slice(num(row, 'index_key_count'))
    .map((n) => names.column(table, n));
  const type = str(row, 'type');
  // Only checks and foreign keys can be NOT VALID; a valid one carries no `notValid` at all. Each
  // node is one literal (no `{ ...base }`): V8 gives frozen spread clones a hidden class each.
  const notValid = !bool(row, 'validated');
  const indexComment = optStr(row, 'index_comment');
  const ic = indexComment === null ? {} : { indexComment };
  switch (type) {
    case 'p':
      return { name, deferrable, initiallyDeferred, comment, kind: 'primaryKey', columns, include, ...ic };
    case 'u':
      return {
        name,
        deferrable,
        initiallyDeferred,
        comment,
        kind: 'unique',
        columns,
        include,
        nullsNotDistinct: bool(row, 'nulls_not_distinct'),
        ...ic,
      };
    case 'c': {
      const expression = str(row, 'expression');
      const noInherit = bool(row, 'no_inherit');
      return notValid
        ? { name, deferrable, initiallyDeferred, comment, kind: 'check', expression, noInherit, notValid }
        : { name, deferrable, initiallyDeferred, comment, kind: 'check', expression, noInherit };
    }
    case 'f': {
      const fk = {
        name,
        deferrable,
        initiallyDeferred,
        comment,
        kind: 'foreignKey' as const,
        columns,
        references: {
          table: { schema: str(row, 'ref_schema'), name: str(row, 'ref_table') },
          columns:
            json<string[] | null>(row, 'ref_column_names', null) ?? named('ref_columns', num(row, 'ref_oid')),
        },
        match: lookup(MATCH, str(row, 'match_type'), 'match type'),
        onDelete: lookup(ACTIONS, str(row, 'on_delete'), 'referential action'),
        onUpdate: lookup(ACTIONS, str(row, 'on_update'), 'referential action'),
        onDeleteColumns: numbers(row, 'on_delete_columns').length > 0 ? named('on_delete_columns') : null,
      };
      return notValid ? { ...fk, notValid } : fk;
    }
    case 'x':
      return {
        name,
        deferrable,
        initiallyDeferred,
        comment,
        kind: 'exclusion',
        definition: str(row, 'definition'),
        ...ic,
      };
    default:
      throw new TypeError(`introspect: unexpected constraint type '${type}'`);
  }
}

export function mapPolicy(row: Row): Policy {
  return {
    name: str(row, 'name'),
    permissive: bool(row, 'permissive'),
    command: lookup(COMMANDS, str(row, 'command'), 'policy command'),
    roles: json<string[]>(row, 'roles', []),
    using: optStr(row, 'using'),
    withCheck: optStr(row, 'with_check'),
    comment: optStr(row, 'comment'),
  };
}

/** Adds `item` to the list of its row's table (`table_oid`). */
export function groupByTable<T>(groups: Map<number, T[]>, row: Row, item: T): void {
  const key = num(row, 'table_oid');
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [item]);
  else list.push(item);
}

/** A table row joined with its columns, constraints and policies (grouped by table OID). */
export function mapTable(
  row: Row,
  columns: ReadonlyMap<number, Column[]>,
  constraints: ReadonlyMap<number, Constraint[]>,
  policies: ReadonlyMap<number, Policy[]>,
): Table {
  const oid = num(row, 'oid');
  const parents = json<QualifiedName[]>(row, 'parents', []);
  const bound = optStr(row, 'partition_bound');
  const parent = bound === null ? undefined : parents[0];
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    columns: columns.get(oid) ?? [],
    constraints: constraints.get(oid) ?? [],
    policies: policies.get(oid) ?? [],
    unlogged: bool(row, 'unlogged'),
    rowSecurity: bool(row, 'row_security'),
    forceRowSecurity: bool(row, 'force_row_security'),
    partitionBy: optStr(row, 'partition_by'),
    partitionOf: parent === undefined || bound === null ? null : { parent, bound },
    inherits: parent === undefined ? parents : [],
    options: options(row, 'options'),
    comment: optStr(row, 'comment'),
    ...replicaAndCluster(row),
  };
}

/** Replica identity and clustering index, present only when not the default (see `Table`). */
function replicaAndCluster(row: Row): Pick<Table, 'replicaIdentity' | 'clusterOn'> {
  const out: { replicaIdentity?: ReplicaIdentity; clusterOn?: string } = {};
  const ident = str(row, 'replica_identity');
  const index = optStr(row, 'replica_index');
  if (ident === 'f') out.replicaIdentity = 'FULL';
  else if (ident === 'n') out.replicaIdentity = 'NOTHING';
  // An identity index that was dropped leaves relreplident 'i' with no index: PostgreSQL then
  // behaves as NOTHING, and that is what can be written back.
  else if (ident === 'i') out.replicaIdentity = index === null ? 'NOTHING' : { index };
  const cluster = optStr(row, 'cluster_index');
  if (cluster !== null) out.clusterOn = cluster;
  return out;
}

export function mapSequence(row: Row): Sequence {
  const table = optName(row, 'table_schema', 'table_name');
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    type: sequenceType(str(row, 'type')),
    start: str(row, 'start'),
    increment: str(row, 'increment'),
    minValue: str(row, 'min_value'),
    maxValue: str(row, 'max_value'),
    cache: str(row, 'cache'),
    cycle: bool(row, 'cycle'),
    ownedBy: table === null ? null : { table, column: str(row, 'column_name') },
    comment: optStr(row, 'comment'),
    ...(bool(row, 'unlogged') ? { unlogged: true } : {}),
  };
}
