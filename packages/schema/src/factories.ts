import { deepFreeze } from './freeze.js';
import { normalizeSnapshot } from './normalize.js';
import type {
  Column,
  Index,
  IndexKey,
  QualifiedName,
  SequenceOptions,
  Snapshot,
  Table,
  TypeRef,
} from './snapshot.js';

/** `{ schema, name }`. */
export function qualifiedName(schema: string, name: string): QualifiedName {
  return Object.freeze({ schema, name });
}

/** A built-in type in PostgreSQL's own spelling: `builtinType('character varying(200)')`. */
export function builtinType(name: string, array = false): TypeRef {
  return Object.freeze({ schema: 'pg_catalog', name, modifiers: null, array });
}

/** A user-defined (or extension) type: `userType('public', 'UserStatus')`. */
export function userType(
  schema: string,
  name: string,
  options: { array?: boolean; modifiers?: string } = {},
): TypeRef {
  return Object.freeze({ schema, name, modifiers: options.modifiers ?? null, array: options.array ?? false });
}

export function emptySnapshot(): Snapshot {
  return deepFreeze({
    schemas: [],
    extensions: [],
    enums: [],
    domains: [],
    compositeTypes: [],
    sequences: [],
    tables: [],
    indexes: [],
    views: [],
    functions: [],
    triggers: [],
    grants: [],
  });
}

/** A snapshot from the parts given; lists not given are empty. The result is normalised and frozen. */
export function snapshot(parts: Partial<Snapshot>): Snapshot {
  return normalizeSnapshot({ ...emptySnapshot(), ...parts });
}

type ColumnInput = Pick<Column, 'name' | 'type'> & Partial<Column>;

export function column(input: ColumnInput): Column {
  return deepFreeze({
    notNull: false,
    default: null,
    identity: null,
    generated: null,
    collation: null,
    comment: null,
    ...input,
  });
}

type TableInput = QualifiedName & { columns?: readonly (Column | ColumnInput)[] } & Partial<
    Omit<Table, 'columns'>
  >;

export function table(input: TableInput): Table {
  return deepFreeze({
    constraints: [],
    policies: [],
    unlogged: false,
    rowSecurity: false,
    forceRowSecurity: false,
    partitionBy: null,
    partitionOf: null,
    inherits: [],
    options: {},
    comment: null,
    ...input,
    columns: (input.columns ?? []).map((c) => column(c)),
  });
}

type IndexKeyInput = Partial<IndexKey> & ({ column: string } | { expression: string });

export function indexKey(input: IndexKeyInput): IndexKey {
  const descending = input.descending ?? false;
  return deepFreeze({
    column: null,
    expression: null,
    collation: null,
    opclass: null,
    descending,
    nullsFirst: descending,
    ...input,
  });
}

type IndexInput = QualifiedName & { table: string; keys: readonly IndexKeyInput[] } & Partial<
    Omit<Index, 'keys'>
  >;

export function index(input: IndexInput): Index {
  return deepFreeze({
    unique: false,
    method: 'btree',
    include: [],
    where: null,
    nullsNotDistinct: false,
    options: {},
    comment: null,
    ...input,
    keys: input.keys.map((k) => indexKey(k)),
  });
}

const SEQUENCE_BOUNDS = {
  smallint: '32767',
  integer: '2147483647',
  bigint: '9223372036854775807',
} as const;

/** PostgreSQL's defaults for a sequence of the given type (ascending). */
export function defaultSequenceOptions(type: SequenceOptions['type'] = 'bigint'): SequenceOptions {
  return Object.freeze({
    type,
    start: '1',
    increment: '1',
    minValue: '1',
    maxValue: SEQUENCE_BOUNDS[type],
    cache: '1',
    cycle: false,
  });
}
